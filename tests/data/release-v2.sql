-- release-v2.sql — a database as the current release (schema 2) leaves it:
-- its schema, written out as that release made it, and a few records.
-- test-volunteer.c adds the 41 districts and migrates the file.
--
-- SPDX-License-Identifier: GPL-3.0-or-later
CREATE TABLE district (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE);
CREATE TABLE annex1_table (
  id          INTEGER PRIMARY KEY,
  as_of       TEXT NOT NULL UNIQUE CHECK (as_of IS date(as_of)),
  batch_count INTEGER NOT NULL DEFAULT 2 CHECK (batch_count >= 1),
  created     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')));
CREATE TABLE annex1_figure (
  table_id    INTEGER NOT NULL REFERENCES annex1_table (id) ON DELETE CASCADE,
  district_id INTEGER NOT NULL REFERENCES district (id),
  batch       INTEGER NOT NULL CHECK (batch >= 1),
  total       INTEGER NOT NULL CHECK (total >= 0),
  hubei       INTEGER NOT NULL CHECK (hubei >= 0 AND hubei <= total),
  PRIMARY KEY (table_id, district_id, batch));
CREATE TABLE annex1_note (
  table_id    INTEGER NOT NULL REFERENCES annex1_table (id) ON DELETE CASCADE,
  district_id INTEGER NOT NULL REFERENCES district (id),
  note        TEXT NOT NULL,
  PRIMARY KEY (table_id, district_id));
CREATE TABLE worker (
  id           INTEGER PRIMARY KEY,
  district_id  INTEGER NOT NULL REFERENCES district (id),
  hospital     TEXT NOT NULL,
  name         TEXT NOT NULL,
  gender       TEXT NOT NULL CHECK (gender IN ('男', '女')),
  title        TEXT NOT NULL DEFAULT '',
  work_place   TEXT NOT NULL DEFAULT '',
  home_address TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  family_phone TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  created      TEXT NOT NULL,
  changed      TEXT NOT NULL);
CREATE INDEX worker_district ON worker (district_id);
CREATE INDEX worker_name_phone ON worker (name, phone);
CREATE TABLE volunteer (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  phone        TEXT NOT NULL DEFAULT '',
  district_id  INTEGER REFERENCES district (id),
  town         TEXT NOT NULL DEFAULT '',
  village      TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  created      TEXT NOT NULL,
  changed      TEXT NOT NULL);
CREATE TABLE pairing (
  worker_id    INTEGER NOT NULL REFERENCES worker (id) ON DELETE CASCADE,
  volunteer_id INTEGER NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
  created      TEXT NOT NULL,
  PRIMARY KEY (worker_id, volunteer_id));
CREATE INDEX pairing_volunteer ON pairing (volunteer_id);
CREATE TABLE district_form (
  district_id  INTEGER PRIMARY KEY REFERENCES district (id),
  reporter     TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '');
CREATE TABLE history (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    INTEGER NOT NULL,
  action       TEXT NOT NULL,
  field        TEXT,
  old_value    TEXT,
  new_value    TEXT);
CREATE INDEX history_entity ON history (entity, entity_id);
