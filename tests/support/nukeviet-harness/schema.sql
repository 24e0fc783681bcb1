-- Newsdesk test harness: the NukeViet 4.5 tables an API call of the connector touches, for
-- MariaDB/MySQL, with the column names, types, defaults, keys and engine NukeViet's installer
-- gives them (written from those facts for this harness; no NukeViet file is copied).
-- {P} is the table prefix (nv4), {L} the data language (vi), {M} the module's data name (news).
-- The per-category tables {P}_{L}_{M}_<catid> are made by setup.php as copies of _rows
-- (CREATE TABLE … LIKE), as the category screen does.

-- Site settings: (lang, module, config_name) is unique; lang 'sys' for site-wide ones.
CREATE TABLE {P}_config (
  lang varchar(3) NOT NULL DEFAULT 'sys',
  module varchar(50) NOT NULL DEFAULT 'global',
  config_name varchar(30) NOT NULL DEFAULT '',
  config_value text,
  UNIQUE KEY lang (lang, module, config_name)
) ENGINE=MyISAM;

-- Accounts (users module). birthday and question have no default: an insert must give them.
CREATE TABLE {P}_users (
  userid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  group_id smallint(5) unsigned NOT NULL DEFAULT '0',
  username varchar(100) NOT NULL DEFAULT '',
  md5username char(32) NOT NULL DEFAULT '',
  password varchar(150) NOT NULL DEFAULT '',
  email varchar(100) NOT NULL DEFAULT '',
  first_name varchar(100) NOT NULL DEFAULT '',
  last_name varchar(100) NOT NULL DEFAULT '',
  gender char(1) DEFAULT '',
  photo varchar(255) DEFAULT '',
  birthday int(11) NOT NULL,
  sig text,
  regdate int(11) NOT NULL DEFAULT '0',
  question varchar(255) NOT NULL,
  answer varchar(255) NOT NULL DEFAULT '',
  passlostkey varchar(50) DEFAULT '',
  view_mail tinyint(1) unsigned NOT NULL DEFAULT '0',
  remember tinyint(1) unsigned NOT NULL DEFAULT '0',
  in_groups varchar(255) DEFAULT '',
  active tinyint(1) unsigned NOT NULL DEFAULT '0',
  active2step tinyint(1) unsigned NOT NULL DEFAULT '0',
  secretkey varchar(20) DEFAULT '',
  checknum varchar(40) DEFAULT '',
  last_login int(11) unsigned NOT NULL DEFAULT '0',
  last_ip varchar(45) DEFAULT '',
  last_agent varchar(255) DEFAULT '',
  last_openid varchar(255) DEFAULT '',
  last_update int(11) unsigned NOT NULL DEFAULT '0',
  idsite int(11) NOT NULL DEFAULT '0',
  safemode tinyint(1) unsigned NOT NULL DEFAULT '0',
  safekey varchar(40) DEFAULT '',
  email_verification_time int(11) NOT NULL DEFAULT '-1',
  active_obj varchar(50) NOT NULL DEFAULT 'SYSTEM',
  PRIMARY KEY (userid),
  UNIQUE KEY username (username),
  UNIQUE KEY md5username (md5username),
  UNIQUE KEY email (email),
  KEY idsite (idsite)
) ENGINE=MyISAM;

-- Administrators: lev 1 God admin, 2 super admin, 3 module admin.
CREATE TABLE {P}_authors (
  admin_id int(11) unsigned NOT NULL,
  editor varchar(100) DEFAULT '',
  lev tinyint(1) unsigned NOT NULL DEFAULT '0',
  files_level varchar(255) DEFAULT '',
  position varchar(255) NOT NULL,
  main_module varchar(50) NOT NULL DEFAULT 'siteinfo',
  admin_theme varchar(100) NOT NULL DEFAULT '',
  addtime int(11) NOT NULL DEFAULT '0',
  edittime int(11) NOT NULL DEFAULT '0',
  is_suspend tinyint(1) unsigned NOT NULL DEFAULT '0',
  susp_reason text,
  pre_check_num varchar(40) NOT NULL DEFAULT '',
  pre_last_login int(11) unsigned NOT NULL DEFAULT '0',
  pre_last_ip varchar(45) DEFAULT '',
  pre_last_agent varchar(255) DEFAULT '',
  check_num varchar(40) NOT NULL DEFAULT '',
  last_login int(11) unsigned NOT NULL DEFAULT '0',
  last_ip varchar(45) DEFAULT '',
  last_agent varchar(255) DEFAULT '',
  PRIMARY KEY (admin_id)
) ENGINE=MyISAM;

CREATE TABLE {P}_authors_api_role (
  role_id smallint(4) NOT NULL AUTO_INCREMENT,
  role_title varchar(250) NOT NULL DEFAULT '',
  role_description text NOT NULL,
  role_data text NOT NULL,
  addtime int(11) NOT NULL DEFAULT '0',
  edittime int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (role_id)
) ENGINE=MyISAM;

-- auth_method: 4.5 knows none and password_verify; md5_verify (4.6/5.x) is added here so the
-- client's md5 mode can be tested against the same harness.
CREATE TABLE {P}_authors_api_credential (
  admin_id int(11) unsigned NOT NULL,
  credential_title varchar(255) NOT NULL DEFAULT '',
  credential_ident varchar(50) NOT NULL DEFAULT '',
  credential_secret varchar(250) NOT NULL DEFAULT '',
  credential_ips varchar(255) NOT NULL DEFAULT '',
  auth_method enum('none','password_verify','md5_verify') NOT NULL DEFAULT 'password_verify',
  api_roles varchar(255) NOT NULL DEFAULT '',
  addtime int(11) NOT NULL DEFAULT '0',
  edittime int(11) NOT NULL DEFAULT '0',
  last_access int(11) NOT NULL DEFAULT '0',
  UNIQUE KEY credential_ident (credential_ident),
  UNIQUE KEY credential_secret (credential_secret),
  KEY admin_id (admin_id)
) ENGINE=MyISAM;

-- System log (Quản trị → Nhật ký hệ thống).
CREATE TABLE {P}_logs (
  id int(11) NOT NULL AUTO_INCREMENT,
  lang varchar(10) NOT NULL,
  module_name varchar(50) NOT NULL,
  name_key varchar(255) NOT NULL,
  note_action text NOT NULL,
  link_acess varchar(255) DEFAULT '',
  userid mediumint(8) unsigned NOT NULL,
  log_time int(11) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=MyISAM;

-- File manager folders: dirname is unique (key "name"); time 0 asks for a re-scan.
CREATE TABLE {P}_upload_dir (
  did mediumint(8) NOT NULL AUTO_INCREMENT,
  dirname varchar(250) DEFAULT NULL,
  time int(11) NOT NULL DEFAULT '0',
  total_size double unsigned NOT NULL DEFAULT '0',
  thumb_type tinyint(4) NOT NULL DEFAULT '0',
  thumb_width smallint(6) NOT NULL DEFAULT '0',
  thumb_height smallint(6) NOT NULL DEFAULT '0',
  thumb_quality tinyint(4) NOT NULL DEFAULT '0',
  PRIMARY KEY (did),
  UNIQUE KEY name (dirname)
) ENGINE=MyISAM;

CREATE TABLE {P}_upload_file (
  name varchar(245) NOT NULL,
  ext varchar(10) NOT NULL DEFAULT '',
  type varchar(5) NOT NULL DEFAULT '',
  filesize double NOT NULL DEFAULT '0',
  src varchar(255) NOT NULL DEFAULT '',
  srcwidth int(11) NOT NULL DEFAULT '0',
  srcheight int(11) NOT NULL DEFAULT '0',
  sizes varchar(50) NOT NULL DEFAULT '',
  userid mediumint(8) unsigned NOT NULL DEFAULT '0',
  mtime int(11) NOT NULL DEFAULT '0',
  did int(11) NOT NULL DEFAULT '0',
  title varchar(245) NOT NULL DEFAULT '',
  alt varchar(255) NOT NULL DEFAULT '',
  UNIQUE KEY did (did, title),
  KEY userid (userid),
  KEY type (type)
) ENGINE=MyISAM;

-- Modules of a language; title is the module's name in URLs (a virtual copy has its own).
CREATE TABLE {P}_{L}_modules (
  title varchar(50) NOT NULL,
  module_file varchar(50) NOT NULL DEFAULT '',
  module_data varchar(50) NOT NULL DEFAULT '',
  module_upload varchar(50) NOT NULL DEFAULT '',
  module_theme varchar(50) NOT NULL DEFAULT '',
  custom_title varchar(255) NOT NULL,
  site_title varchar(255) NOT NULL DEFAULT '',
  admin_title varchar(255) NOT NULL DEFAULT '',
  set_time int(11) unsigned NOT NULL DEFAULT '0',
  main_file tinyint(1) unsigned NOT NULL DEFAULT '0',
  admin_file tinyint(1) unsigned NOT NULL DEFAULT '0',
  theme varchar(100) DEFAULT '',
  mobile varchar(100) DEFAULT '',
  description varchar(255) DEFAULT '',
  keywords text,
  groups_view varchar(255) NOT NULL,
  weight tinyint(3) unsigned NOT NULL DEFAULT '1',
  act tinyint(1) unsigned NOT NULL DEFAULT '0',
  admins varchar(4000) DEFAULT '',
  rss tinyint(4) NOT NULL DEFAULT '1',
  sitemap tinyint(4) NOT NULL DEFAULT '1',
  PRIMARY KEY (title)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_cat (
  catid smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  parentid smallint(5) unsigned NOT NULL DEFAULT '0',
  title varchar(250) NOT NULL,
  titlesite varchar(250) DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  description text,
  descriptionhtml text,
  image varchar(255) DEFAULT '',
  viewdescription tinyint(2) NOT NULL DEFAULT '0',
  weight smallint(5) unsigned NOT NULL DEFAULT '0',
  sort smallint(5) NOT NULL DEFAULT '0',
  lev smallint(5) NOT NULL DEFAULT '0',
  viewcat varchar(50) NOT NULL DEFAULT 'viewcat_page_new',
  numsubcat smallint(5) NOT NULL DEFAULT '0',
  subcatid varchar(255) DEFAULT '',
  numlinks tinyint(2) unsigned NOT NULL DEFAULT '3',
  newday tinyint(2) unsigned NOT NULL DEFAULT '2',
  featured int(11) NOT NULL DEFAULT '0',
  ad_block_cat varchar(255) NOT NULL DEFAULT '',
  layout_func varchar(100) NOT NULL DEFAULT '',
  keywords text,
  admins text,
  add_time int(11) unsigned NOT NULL DEFAULT '0',
  edit_time int(11) unsigned NOT NULL DEFAULT '0',
  groups_view varchar(255) DEFAULT '',
  status smallint(4) NOT NULL DEFAULT '1',
  PRIMARY KEY (catid),
  UNIQUE KEY alias (alias),
  KEY parentid (parentid),
  KEY status (status)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_sources (
  sourceid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(250) NOT NULL DEFAULT '',
  link varchar(255) DEFAULT '',
  logo varchar(255) DEFAULT '',
  weight mediumint(8) unsigned NOT NULL DEFAULT '0',
  add_time int(11) unsigned NOT NULL,
  edit_time int(11) unsigned NOT NULL,
  PRIMARY KEY (sourceid),
  UNIQUE KEY title (title)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_topics (
  topicid smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(250) NOT NULL DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  image varchar(255) DEFAULT '',
  description varchar(255) DEFAULT '',
  weight smallint(5) NOT NULL DEFAULT '0',
  keywords text,
  add_time int(11) NOT NULL DEFAULT '0',
  edit_time int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (topicid),
  UNIQUE KEY title (title),
  UNIQUE KEY alias (alias)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_block_cat (
  bid smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  adddefault tinyint(4) NOT NULL DEFAULT '0',
  numbers smallint(5) NOT NULL DEFAULT '10',
  title varchar(250) NOT NULL DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  image varchar(255) DEFAULT '',
  description varchar(255) DEFAULT '',
  weight smallint(5) NOT NULL DEFAULT '0',
  keywords text,
  add_time int(11) NOT NULL DEFAULT '0',
  edit_time int(11) NOT NULL DEFAULT '0',
  PRIMARY KEY (bid),
  UNIQUE KEY title (title),
  UNIQUE KEY alias (alias)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_block (
  bid smallint(5) unsigned NOT NULL,
  id int(11) unsigned NOT NULL,
  weight int(11) unsigned NOT NULL,
  UNIQUE KEY bid (bid, id)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_rows (
  id int(11) unsigned NOT NULL AUTO_INCREMENT,
  catid smallint(5) unsigned NOT NULL DEFAULT '0',
  listcatid varchar(255) NOT NULL DEFAULT '',
  topicid smallint(5) unsigned NOT NULL DEFAULT '0',
  admin_id mediumint(8) unsigned NOT NULL DEFAULT '0',
  author varchar(250) DEFAULT '',
  sourceid mediumint(8) NOT NULL DEFAULT '0',
  addtime int(11) unsigned NOT NULL DEFAULT '0',
  edittime int(11) unsigned NOT NULL DEFAULT '0',
  status tinyint(4) NOT NULL DEFAULT '1',
  weight int(11) unsigned NOT NULL DEFAULT '0',
  publtime int(11) unsigned NOT NULL DEFAULT '0',
  exptime int(11) unsigned NOT NULL DEFAULT '0',
  archive tinyint(1) unsigned NOT NULL DEFAULT '0',
  title varchar(250) NOT NULL DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  hometext text NOT NULL,
  homeimgfile varchar(255) DEFAULT '',
  homeimgalt varchar(255) DEFAULT '',
  homeimgthumb tinyint(4) NOT NULL DEFAULT '0',
  inhome tinyint(1) unsigned NOT NULL DEFAULT '0',
  allowed_comm varchar(255) DEFAULT '',
  allowed_rating tinyint(1) unsigned NOT NULL DEFAULT '0',
  external_link tinyint(1) unsigned NOT NULL DEFAULT '0',
  hitstotal mediumint(8) unsigned NOT NULL DEFAULT '0',
  hitscm mediumint(8) unsigned NOT NULL DEFAULT '0',
  total_rating int(11) NOT NULL DEFAULT '0',
  click_rating int(11) NOT NULL DEFAULT '0',
  instant_active tinyint(1) NOT NULL DEFAULT '0',
  instant_template varchar(100) NOT NULL DEFAULT '',
  instant_creatauto tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  KEY catid (catid),
  KEY topicid (topicid),
  KEY admin_id (admin_id),
  KEY author (author),
  KEY title (title),
  KEY addtime (addtime),
  KEY edittime (edittime),
  KEY publtime (publtime),
  KEY exptime (exptime),
  KEY status (status),
  KEY instant_active (instant_active),
  KEY instant_creatauto (instant_creatauto)
) ENGINE=MyISAM;

-- imgposition: 0 no home image on the article page, 1 small beside the sapo, 2 large on top.
CREATE TABLE {P}_{L}_{M}_detail (
  id int(11) unsigned NOT NULL,
  titlesite varchar(255) NOT NULL DEFAULT '',
  description text NOT NULL,
  bodyhtml longtext NOT NULL,
  voicedata text NULL DEFAULT NULL,
  keywords varchar(255) DEFAULT '',
  sourcetext varchar(255) DEFAULT '',
  files text NULL,
  imgposition tinyint(1) NOT NULL DEFAULT '1',
  layout_func varchar(100) DEFAULT '',
  copyright tinyint(1) NOT NULL DEFAULT '0',
  allowed_send tinyint(1) NOT NULL DEFAULT '0',
  allowed_print tinyint(1) NOT NULL DEFAULT '0',
  allowed_save tinyint(1) NOT NULL DEFAULT '0',
  PRIMARY KEY (id)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_logs (
  id mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  sid mediumint(8) NOT NULL DEFAULT '0',
  userid mediumint(8) unsigned NOT NULL DEFAULT '0',
  log_key varchar(60) NOT NULL DEFAULT '',
  status tinyint(4) NOT NULL DEFAULT '0',
  note varchar(255) NOT NULL DEFAULT '',
  set_time int(11) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  KEY sid (sid),
  KEY log_key (log_key),
  KEY status (status),
  KEY userid (userid)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_admins (
  userid mediumint(8) unsigned NOT NULL DEFAULT '0',
  catid smallint(5) NOT NULL DEFAULT '0',
  admin tinyint(4) NOT NULL DEFAULT '0',
  add_content tinyint(4) NOT NULL DEFAULT '0',
  pub_content tinyint(4) NOT NULL DEFAULT '0',
  edit_content tinyint(4) NOT NULL DEFAULT '0',
  del_content tinyint(4) NOT NULL DEFAULT '0',
  app_content tinyint(4) NOT NULL DEFAULT '0',
  UNIQUE KEY userid (userid, catid)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_tags (
  tid mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  numnews mediumint(8) NOT NULL DEFAULT '0',
  title varchar(250) NOT NULL DEFAULT '',
  alias varchar(250) NOT NULL DEFAULT '',
  image varchar(255) DEFAULT '',
  description text,
  keywords varchar(255) DEFAULT '',
  PRIMARY KEY (tid),
  UNIQUE KEY alias (alias)
) ENGINE=MyISAM;

-- keyword is at most 65 characters: a longer tag is refused in strict mode.
CREATE TABLE {P}_{L}_{M}_tags_id (
  id int(11) NOT NULL,
  tid mediumint(9) NOT NULL,
  keyword varchar(65) NOT NULL,
  UNIQUE KEY id_tid (id, tid),
  KEY tid (tid)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_tmp (
  id mediumint(8) unsigned NOT NULL,
  admin_id int(11) NOT NULL DEFAULT '0',
  time_edit int(11) NOT NULL,
  time_late int(11) NOT NULL,
  ip varchar(50) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_author (
  id mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  uid int(11) unsigned NOT NULL,
  alias varchar(100) NOT NULL DEFAULT '',
  pseudonym varchar(100) NOT NULL DEFAULT '',
  image varchar(255) NULL DEFAULT '',
  description text,
  add_time int(11) unsigned NOT NULL DEFAULT '0',
  edit_time int(11) unsigned NOT NULL DEFAULT '0',
  active tinyint(1) unsigned NOT NULL DEFAULT '1',
  numnews mediumint(8) NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  UNIQUE KEY uid (uid),
  UNIQUE KEY alias (alias)
) ENGINE=MyISAM;

CREATE TABLE {P}_{L}_{M}_authorlist (
  id int(11) NOT NULL,
  aid mediumint(8) NOT NULL,
  alias varchar(100) NOT NULL DEFAULT '',
  pseudonym varchar(100) NOT NULL DEFAULT '',
  UNIQUE KEY id_aid (id, aid),
  KEY aid (aid),
  KEY alias (alias)
) ENGINE=MyISAM;
