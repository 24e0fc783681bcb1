-- Newsdesk test harness: NukeViet 4.5 tables an API call touches, in SQLite, with NukeViet's
-- table and column names (install/action_mysql.php, modules/news/action_mysql.php). Types are
-- SQLite's; AUTO_INCREMENT becomes INTEGER PRIMARY KEY AUTOINCREMENT; ENUMs are TEXT.
-- {P} is the table prefix (nv4), {L} the data language (vi), {M} the module's data name (news).

CREATE TABLE {P}_config (
  lang TEXT NOT NULL DEFAULT 'sys',
  module TEXT NOT NULL DEFAULT 'global',
  config_name TEXT NOT NULL DEFAULT '',
  config_value TEXT,
  UNIQUE (lang, module, config_name)
);

CREATE TABLE {P}_users (
  userid INTEGER PRIMARY KEY AUTOINCREMENT,
  group_id INTEGER NOT NULL DEFAULT 0,
  username TEXT NOT NULL DEFAULT '' UNIQUE,
  md5username TEXT NOT NULL DEFAULT '',
  password TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  regdate INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE {P}_authors (
  admin_id INTEGER NOT NULL PRIMARY KEY,
  editor TEXT DEFAULT '',
  lev INTEGER NOT NULL DEFAULT 0,
  files_level TEXT DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  main_module TEXT NOT NULL DEFAULT 'siteinfo',
  admin_theme TEXT NOT NULL DEFAULT '',
  addtime INTEGER NOT NULL DEFAULT 0,
  edittime INTEGER NOT NULL DEFAULT 0,
  is_suspend INTEGER NOT NULL DEFAULT 0,
  susp_reason TEXT,
  check_num TEXT NOT NULL DEFAULT '',
  last_login INTEGER NOT NULL DEFAULT 0,
  last_ip TEXT DEFAULT '',
  last_agent TEXT DEFAULT ''
);

CREATE TABLE {P}_authors_api_role (
  role_id INTEGER PRIMARY KEY AUTOINCREMENT,
  role_title TEXT NOT NULL DEFAULT '',
  role_description TEXT NOT NULL DEFAULT '',
  role_data TEXT NOT NULL DEFAULT '',
  addtime INTEGER NOT NULL DEFAULT 0,
  edittime INTEGER NOT NULL DEFAULT 0
);

-- auth_method: 4.5 knows none and password_verify; md5_verify is 4.6/5.x's, kept here so the
-- client's md5 mode can be tested against the same harness.
CREATE TABLE {P}_authors_api_credential (
  admin_id INTEGER NOT NULL,
  credential_title TEXT NOT NULL DEFAULT '',
  credential_ident TEXT NOT NULL DEFAULT '' UNIQUE,
  credential_secret TEXT NOT NULL DEFAULT '' UNIQUE,
  credential_ips TEXT NOT NULL DEFAULT '',
  auth_method TEXT NOT NULL DEFAULT 'password_verify' CHECK (auth_method IN ('none', 'password_verify', 'md5_verify')),
  api_roles TEXT NOT NULL DEFAULT '',
  addtime INTEGER NOT NULL DEFAULT 0,
  edittime INTEGER NOT NULL DEFAULT 0,
  last_access INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE {P}_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  lang TEXT NOT NULL,
  module_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  note_action TEXT NOT NULL,
  link_acess TEXT DEFAULT '',
  userid INTEGER NOT NULL,
  log_time INTEGER NOT NULL
);

CREATE TABLE {P}_upload_dir (
  did INTEGER PRIMARY KEY AUTOINCREMENT,
  dirname TEXT DEFAULT NULL UNIQUE,
  time INTEGER NOT NULL DEFAULT 0,
  total_size REAL NOT NULL DEFAULT 0,
  thumb_type INTEGER NOT NULL DEFAULT 0,
  thumb_width INTEGER NOT NULL DEFAULT 0,
  thumb_height INTEGER NOT NULL DEFAULT 0,
  thumb_quality INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE {P}_upload_file (
  name TEXT NOT NULL,
  ext TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT '',
  filesize REAL NOT NULL DEFAULT 0,
  src TEXT NOT NULL DEFAULT '',
  srcwidth INTEGER NOT NULL DEFAULT 0,
  srcheight INTEGER NOT NULL DEFAULT 0,
  sizes TEXT NOT NULL DEFAULT '',
  userid INTEGER NOT NULL DEFAULT 0,
  mtime INTEGER NOT NULL DEFAULT 0,
  did INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL DEFAULT '',
  alt TEXT NOT NULL DEFAULT '',
  UNIQUE (did, title)
);

CREATE TABLE {P}_{L}_modules (
  title TEXT NOT NULL PRIMARY KEY,
  module_file TEXT NOT NULL DEFAULT '',
  module_data TEXT NOT NULL DEFAULT '',
  module_upload TEXT NOT NULL DEFAULT '',
  module_theme TEXT NOT NULL DEFAULT '',
  custom_title TEXT NOT NULL,
  site_title TEXT NOT NULL DEFAULT '',
  admin_title TEXT NOT NULL DEFAULT '',
  set_time INTEGER NOT NULL DEFAULT 0,
  main_file INTEGER NOT NULL DEFAULT 0,
  admin_file INTEGER NOT NULL DEFAULT 0,
  theme TEXT DEFAULT '',
  mobile TEXT DEFAULT '',
  description TEXT DEFAULT '',
  keywords TEXT,
  groups_view TEXT NOT NULL DEFAULT '',
  weight INTEGER NOT NULL DEFAULT 1,
  act INTEGER NOT NULL DEFAULT 0,
  admins TEXT DEFAULT '',
  rss INTEGER NOT NULL DEFAULT 1,
  sitemap INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE {P}_{L}_{M}_cat (
  catid INTEGER PRIMARY KEY AUTOINCREMENT,
  parentid INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  titlesite TEXT DEFAULT '',
  alias TEXT NOT NULL DEFAULT '' UNIQUE,
  description TEXT,
  descriptionhtml TEXT,
  image TEXT DEFAULT '',
  viewdescription INTEGER NOT NULL DEFAULT 0,
  weight INTEGER NOT NULL DEFAULT 0,
  sort INTEGER NOT NULL DEFAULT 0,
  lev INTEGER NOT NULL DEFAULT 0,
  viewcat TEXT NOT NULL DEFAULT 'viewcat_page_new',
  numsubcat INTEGER NOT NULL DEFAULT 0,
  subcatid TEXT DEFAULT '',
  numlinks INTEGER NOT NULL DEFAULT 3,
  newday INTEGER NOT NULL DEFAULT 2,
  featured INTEGER NOT NULL DEFAULT 0,
  ad_block_cat TEXT NOT NULL DEFAULT '',
  layout_func TEXT NOT NULL DEFAULT '',
  keywords TEXT,
  admins TEXT,
  add_time INTEGER NOT NULL DEFAULT 0,
  edit_time INTEGER NOT NULL DEFAULT 0,
  groups_view TEXT DEFAULT '',
  status INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE {P}_{L}_{M}_sources (
  sourceid INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL DEFAULT '' UNIQUE,
  link TEXT DEFAULT '',
  logo TEXT DEFAULT '',
  weight INTEGER NOT NULL DEFAULT 0,
  add_time INTEGER NOT NULL,
  edit_time INTEGER NOT NULL
);

CREATE TABLE {P}_{L}_{M}_topics (
  topicid INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL DEFAULT '' UNIQUE,
  alias TEXT NOT NULL DEFAULT '' UNIQUE,
  image TEXT DEFAULT '',
  description TEXT DEFAULT '',
  weight INTEGER NOT NULL DEFAULT 0,
  keywords TEXT,
  add_time INTEGER NOT NULL DEFAULT 0,
  edit_time INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE {P}_{L}_{M}_block_cat (
  bid INTEGER PRIMARY KEY AUTOINCREMENT,
  adddefault INTEGER NOT NULL DEFAULT 0,
  numbers INTEGER NOT NULL DEFAULT 10,
  title TEXT NOT NULL DEFAULT '' UNIQUE,
  alias TEXT NOT NULL DEFAULT '' UNIQUE,
  image TEXT DEFAULT '',
  description TEXT DEFAULT '',
  weight INTEGER NOT NULL DEFAULT 0,
  keywords TEXT,
  add_time INTEGER NOT NULL DEFAULT 0,
  edit_time INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE {P}_{L}_{M}_block (
  bid INTEGER NOT NULL,
  id INTEGER NOT NULL,
  weight INTEGER NOT NULL,
  UNIQUE (bid, id)
);

CREATE TABLE {P}_{L}_{M}_rows (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  catid INTEGER NOT NULL DEFAULT 0,
  listcatid TEXT NOT NULL DEFAULT '',
  topicid INTEGER NOT NULL DEFAULT 0,
  admin_id INTEGER NOT NULL DEFAULT 0,
  author TEXT DEFAULT '',
  sourceid INTEGER NOT NULL DEFAULT 0,
  addtime INTEGER NOT NULL DEFAULT 0,
  edittime INTEGER NOT NULL DEFAULT 0,
  status INTEGER NOT NULL DEFAULT 1,
  weight INTEGER NOT NULL DEFAULT 0,
  publtime INTEGER NOT NULL DEFAULT 0,
  exptime INTEGER NOT NULL DEFAULT 0,
  archive INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL DEFAULT '',
  alias TEXT NOT NULL DEFAULT '',
  hometext TEXT NOT NULL,
  homeimgfile TEXT DEFAULT '',
  homeimgalt TEXT DEFAULT '',
  homeimgthumb INTEGER NOT NULL DEFAULT 0,
  inhome INTEGER NOT NULL DEFAULT 0,
  allowed_comm TEXT DEFAULT '',
  allowed_rating INTEGER NOT NULL DEFAULT 0,
  external_link INTEGER NOT NULL DEFAULT 0,
  hitstotal INTEGER NOT NULL DEFAULT 0,
  hitscm INTEGER NOT NULL DEFAULT 0,
  total_rating INTEGER NOT NULL DEFAULT 0,
  click_rating INTEGER NOT NULL DEFAULT 0,
  instant_active INTEGER NOT NULL DEFAULT 0,
  instant_template TEXT NOT NULL DEFAULT '',
  instant_creatauto INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE {P}_{L}_{M}_detail (
  id INTEGER NOT NULL PRIMARY KEY,
  titlesite TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  bodyhtml TEXT NOT NULL,
  voicedata TEXT NULL DEFAULT NULL,
  keywords TEXT DEFAULT '',
  sourcetext TEXT DEFAULT '',
  files TEXT NULL,
  imgposition INTEGER NOT NULL DEFAULT 1,
  layout_func TEXT DEFAULT '',
  copyright INTEGER NOT NULL DEFAULT 0,
  allowed_send INTEGER NOT NULL DEFAULT 0,
  allowed_print INTEGER NOT NULL DEFAULT 0,
  allowed_save INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE {P}_{L}_{M}_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sid INTEGER NOT NULL DEFAULT 0,
  userid INTEGER NOT NULL DEFAULT 0,
  log_key TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  set_time INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE {P}_{L}_{M}_admins (
  userid INTEGER NOT NULL DEFAULT 0,
  catid INTEGER NOT NULL DEFAULT 0,
  admin INTEGER NOT NULL DEFAULT 0,
  add_content INTEGER NOT NULL DEFAULT 0,
  pub_content INTEGER NOT NULL DEFAULT 0,
  edit_content INTEGER NOT NULL DEFAULT 0,
  del_content INTEGER NOT NULL DEFAULT 0,
  app_content INTEGER NOT NULL DEFAULT 0,
  UNIQUE (userid, catid)
);

CREATE TABLE {P}_{L}_{M}_tags (
  tid INTEGER PRIMARY KEY AUTOINCREMENT,
  numnews INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL DEFAULT '',
  alias TEXT NOT NULL DEFAULT '' UNIQUE,
  image TEXT DEFAULT '',
  description TEXT,
  keywords TEXT DEFAULT ''
);

CREATE TABLE {P}_{L}_{M}_tags_id (
  id INTEGER NOT NULL,
  tid INTEGER NOT NULL,
  keyword TEXT NOT NULL,
  UNIQUE (id, tid)
);

CREATE TABLE {P}_{L}_{M}_tmp (
  id INTEGER NOT NULL PRIMARY KEY,
  admin_id INTEGER NOT NULL DEFAULT 0,
  time_edit INTEGER NOT NULL,
  time_late INTEGER NOT NULL,
  ip TEXT NOT NULL
);

CREATE TABLE {P}_{L}_{M}_author (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uid INTEGER NOT NULL UNIQUE,
  alias TEXT NOT NULL DEFAULT '' UNIQUE,
  pseudonym TEXT NOT NULL DEFAULT '',
  image TEXT NULL DEFAULT '',
  description TEXT,
  add_time INTEGER NOT NULL DEFAULT 0,
  edit_time INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  numnews INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE {P}_{L}_{M}_authorlist (
  id INTEGER NOT NULL,
  aid INTEGER NOT NULL,
  alias TEXT NOT NULL DEFAULT '',
  pseudonym TEXT NOT NULL DEFAULT '',
  UNIQUE (id, aid)
);
