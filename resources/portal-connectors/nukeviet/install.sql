-- Newsdesk connector for NukeViet 4.5: its two tables (optional to run by hand).
--
-- The connector creates these tables itself on its first call when the site's database user
-- may create tables (NukeViet's user can: the news module creates one table per category).
-- Run this file only if your database user cannot, e.g. in phpMyAdmin → SQL.
--
-- Before running, replace the prefix `nv4_vi_news_` if your site differs:
--   nv4  = $db_config['prefix'] in config.php
--   vi   = the data language
--   news = the news module's data name (module_data; a virtual copy such as "tin-tuc" has its own)
--
-- Uninstall: DROP TABLE nv4_vi_news_newsdesk_sync, nv4_vi_news_newsdesk_media;

-- Workstation article identity (UUID) → article id, so a retried save updates instead of
-- creating a second article.
CREATE TABLE IF NOT EXISTS nv4_vi_news_newsdesk_sync (
  sync_key varchar(64) NOT NULL,
  id int(11) unsigned NOT NULL DEFAULT '0',
  admin_id mediumint(8) unsigned NOT NULL DEFAULT '0',
  add_time int(11) unsigned NOT NULL DEFAULT '0',
  edit_time int(11) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (sync_key),
  KEY id (id)
) ENGINE=MyISAM;

-- SHA-256 of an uploaded image → its stored path, so the same photo is stored once.
CREATE TABLE IF NOT EXISTS nv4_vi_news_newsdesk_media (
  sha256 char(64) NOT NULL,
  path varchar(255) NOT NULL DEFAULT '',
  sync_key varchar(64) NOT NULL DEFAULT '',
  filesize int(11) unsigned NOT NULL DEFAULT '0',
  width int(11) unsigned NOT NULL DEFAULT '0',
  height int(11) unsigned NOT NULL DEFAULT '0',
  admin_id mediumint(8) unsigned NOT NULL DEFAULT '0',
  add_time int(11) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (sha256)
) ENGINE=MyISAM;
