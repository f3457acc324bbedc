-- Vector DB schema: pgvector, model-version bookkeeping, and the functions that stage, activate, roll back and
-- retire embedding versions.
--
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f sql/schema.sql
--
-- Idempotent. The embeddings loader runs this very file (copied onto its classpath at build time) at the start
-- of every run, while it holds its advisory lock; sql/rds_s3_import.sql includes it too.
--
-- Readers query only item_emb(id varchar primary key, embedding vector(N)) and
-- user_emb(id integer primary key, embedding vector(N)). Each model version is loaded into its own pair of tables,
-- item_emb_v<table_id> / user_emb_v<table_id> (table_id from a sequence, so names never come from input).
-- Activation renames the live pair back to its versioned name and the staged pair to item_emb / user_emb in ONE
-- transaction: a query sees either the old tables or the new ones, each complete and indexed. A query that waits
-- for the swap's lock re-resolves the name after it and reads the new table (PostgreSQL retries the name lookup
-- when the catalog changed while it waited). The previous pair is kept for embedding_rollback(); older ones are
-- dropped.
--
-- Grants: the embeddings loader (VECTOR_DB_READER_ROLE) grants its reader role SELECT on the live pair and the
-- embedding_live_version view, moving the table grants inside each swap's transaction; nothing to set up here.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE SEQUENCE IF NOT EXISTS embedding_table_id_seq;

-- One row per load. status: staged (loaded, indexed, not yet live) → live → previous (kept for rollback) → retired
-- (tables dropped); discarded = staged but never activated (tables dropped).
CREATE TABLE IF NOT EXISTS embedding_versions (
    table_id      integer     PRIMARY KEY,
    model_version text        NOT NULL CHECK (length(model_version) BETWEEN 1 AND 200),
    embedding_dim integer     NOT NULL CHECK (embedding_dim BETWEEN 1 AND 2000),
    distance      text        NOT NULL CHECK (distance IN ('inner_product', 'cosine')),
    item_rows     bigint      NOT NULL DEFAULT 0,
    user_rows     bigint      NOT NULL DEFAULT 0,
    loaded_at     timestamptz NOT NULL DEFAULT now(),
    activated_at  timestamptz,
    status        text        NOT NULL CHECK (status IN ('staged', 'live', 'previous', 'retired', 'discarded')),
    item_distance text        CHECK (item_distance IN ('inner_product', 'cosine')),
    metrics       jsonb
);
-- Databases created before these columns. item_distance: the manifest's item-to-item measure (null on rows written
-- before it existed: the same as distance). metrics: what the quality gate compared, from the version's
-- metrics.json (null when it had none); the gate reads the live version's from here.
ALTER TABLE embedding_versions
    ADD COLUMN IF NOT EXISTS item_distance text CHECK (item_distance IN ('inner_product', 'cosine')),
    ADD COLUMN IF NOT EXISTS metrics jsonb;
CREATE UNIQUE INDEX IF NOT EXISTS embedding_versions_one_live
    ON embedding_versions ((true)) WHERE status = 'live';
CREATE UNIQUE INDEX IF NOT EXISTS embedding_versions_one_previous
    ON embedding_versions ((true)) WHERE status = 'previous';

CREATE OR REPLACE VIEW embedding_live_version AS
    SELECT model_version, embedding_dim, distance, item_rows, user_rows, loaded_at, activated_at, table_id,
           coalesce(item_distance, distance) AS item_distance
    FROM embedding_versions
    WHERE status = 'live';

-- Creates the (index-less) tables of a new version and its bookkeeping row; returns its table_id. Fill the tables,
-- then call embedding_finish_staging, in the same transaction (COPY … FREEZE needs that). p_item_distance null means
-- the same as p_distance; p_metrics is what the quality gate compared (null when the version has no metrics).
DROP FUNCTION IF EXISTS embedding_stage(text, integer, text);  -- the signature before item_distance and metrics
CREATE OR REPLACE FUNCTION embedding_stage(p_model_version text, p_dim integer, p_distance text,
                                           p_item_distance text DEFAULT NULL, p_metrics jsonb DEFAULT NULL)
    RETURNS integer
    LANGUAGE plpgsql AS
$$
DECLARE
    v_id integer := nextval('embedding_table_id_seq');
BEGIN
    -- The row goes first: its CHECK constraints validate dim and distances before they reach any DDL.
    INSERT INTO embedding_versions (table_id, model_version, embedding_dim, distance, item_distance, metrics, status)
    VALUES (v_id, p_model_version, p_dim, p_distance, coalesce(p_item_distance, p_distance), p_metrics, 'staged');
    EXECUTE format('CREATE TABLE %I (id varchar(64) NOT NULL, embedding vector(%s) NOT NULL)',
                   'item_emb_v' || v_id, p_dim);
    EXECUTE format('CREATE TABLE %I (id integer NOT NULL, embedding vector(%s) NOT NULL)',
                   'user_emb_v' || v_id, p_dim);
    RETURN v_id;
END
$$;

-- Primary keys, HNSW indexes (opclass from the version's distance), statistics and row counts of a staged version.
-- When item_distance differs from distance, the item table gets a second HNSW index with item_distance's opclass
-- (similar items rank items by it). Refuses an empty table: readers must never get one.
CREATE OR REPLACE FUNCTION embedding_finish_staging(p_table_id integer, p_m integer, p_ef_construction integer)
    RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    v_version  embedding_versions;
    v_opclass  text;
    v_items    bigint;
    v_users    bigint;
    v_prefix   text;
BEGIN
    SELECT * INTO v_version FROM embedding_versions WHERE table_id = p_table_id AND status = 'staged' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no staged embedding version with table_id %', p_table_id;
    END IF;
    v_opclass := CASE v_version.distance
                     WHEN 'inner_product' THEN 'vector_ip_ops'
                     WHEN 'cosine' THEN 'vector_cosine_ops' END;
    EXECUTE format('SELECT count(*) FROM %I', 'item_emb_v' || p_table_id) INTO v_items;
    EXECUTE format('SELECT count(*) FROM %I', 'user_emb_v' || p_table_id) INTO v_users;
    IF v_items = 0 OR v_users = 0 THEN
        RAISE EXCEPTION 'staged version % has % item rows and % user rows: refusing an empty table',
            v_version.model_version, v_items, v_users;
    END IF;
    FOREACH v_prefix IN ARRAY ARRAY['item_emb_v', 'user_emb_v'] LOOP
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id)',
                       v_prefix || p_table_id, v_prefix || p_table_id || '_pkey');
        EXECUTE format('CREATE INDEX %I ON %I USING hnsw (embedding %s) WITH (m = %s, ef_construction = %s)',
                       v_prefix || p_table_id || '_hnsw', v_prefix || p_table_id, v_opclass,
                       p_m, p_ef_construction);
        EXECUTE format('ANALYZE %I', v_prefix || p_table_id);
    END LOOP;
    IF coalesce(v_version.item_distance, v_version.distance) <> v_version.distance THEN
        EXECUTE format('CREATE INDEX %I ON %I USING hnsw (embedding %s) WITH (m = %s, ef_construction = %s)',
                       'item_emb_v' || p_table_id || '_item_hnsw', 'item_emb_v' || p_table_id,
                       CASE v_version.item_distance
                           WHEN 'inner_product' THEN 'vector_ip_ops'
                           WHEN 'cosine' THEN 'vector_cosine_ops' END,
                       p_m, p_ef_construction);
    END IF;
    UPDATE embedding_versions SET item_rows = v_items, user_rows = v_users, loaded_at = now()
    WHERE table_id = p_table_id;
END
$$;

-- Drops a version's tables and marks it retired (or discarded). Never touches the live pair: while live, its
-- tables are named item_emb / user_emb, not item_emb_v<id>.
CREATE OR REPLACE FUNCTION embedding_retire(p_table_id integer, p_status text DEFAULT 'retired')
    RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM embedding_versions WHERE table_id = p_table_id AND status = 'live') THEN
        RAISE EXCEPTION 'refusing to retire the live embedding version (table_id %)', p_table_id;
    END IF;
    EXECUTE format('DROP TABLE IF EXISTS %I', 'item_emb_v' || p_table_id);
    EXECUTE format('DROP TABLE IF EXISTS %I', 'user_emb_v' || p_table_id);
    UPDATE embedding_versions SET status = p_status WHERE table_id = p_table_id;
END
$$;

-- Drops what an interrupted run left staged. Call only while holding the loaders' advisory lock.
CREATE OR REPLACE FUNCTION embedding_discard_staged()
    RETURNS integer
    LANGUAGE plpgsql AS
$$
DECLARE
    v_id    integer;
    v_count integer := 0;
BEGIN
    FOR v_id IN SELECT table_id FROM embedding_versions WHERE status = 'staged' ORDER BY table_id LOOP
        PERFORM embedding_retire(v_id, 'discarded');
        v_count := v_count + 1;
    END LOOP;
    RETURN v_count;
END
$$;

-- The atomic swap: the staged version becomes item_emb / user_emb, the live one becomes previous, the previous one
-- is retired. A forced reload of the live version retires the old copy instead of keeping it as previous.
-- Returns the model version now live. Set lock_timeout before calling: the renames wait for running readers, and
-- new readers queue behind the swap while it waits.
CREATE OR REPLACE FUNCTION embedding_activate(p_table_id integer)
    RETURNS text
    LANGUAGE plpgsql AS
$$
DECLARE
    v_new embedding_versions;
    v_cur embedding_versions;
    v_old integer;
BEGIN
    SELECT * INTO v_new FROM embedding_versions WHERE table_id = p_table_id AND status = 'staged' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no staged embedding version with table_id %', p_table_id;
    END IF;
    IF v_new.item_rows = 0 OR v_new.user_rows = 0 THEN
        RAISE EXCEPTION 'staged version % is not finished (call embedding_finish_staging first)', v_new.model_version;
    END IF;
    SELECT * INTO v_cur FROM embedding_versions WHERE status = 'live' FOR UPDATE;
    IF FOUND THEN
        LOCK TABLE item_emb, user_emb IN ACCESS EXCLUSIVE MODE;
        EXECUTE format('ALTER TABLE item_emb RENAME TO %I', 'item_emb_v' || v_cur.table_id);
        EXECUTE format('ALTER TABLE user_emb RENAME TO %I', 'user_emb_v' || v_cur.table_id);
        IF v_cur.model_version = v_new.model_version THEN
            UPDATE embedding_versions SET status = 'staged' WHERE table_id = v_cur.table_id;
            PERFORM embedding_retire(v_cur.table_id);
        ELSE
            FOR v_old IN SELECT table_id FROM embedding_versions WHERE status = 'previous' LOOP
                PERFORM embedding_retire(v_old);
            END LOOP;
            UPDATE embedding_versions SET status = 'previous' WHERE table_id = v_cur.table_id;
        END IF;
    ELSIF to_regclass('item_emb') IS NOT NULL OR to_regclass('user_emb') IS NOT NULL THEN
        RAISE EXCEPTION 'item_emb or user_emb exists but no loaded version is live: it was not created by the loader'
            USING HINT = 'Rename or drop it, then run the loader again.', ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    EXECUTE format('ALTER TABLE %I RENAME TO item_emb', 'item_emb_v' || p_table_id);
    EXECUTE format('ALTER TABLE %I RENAME TO user_emb', 'user_emb_v' || p_table_id);
    UPDATE embedding_versions SET status = 'live', activated_at = now() WHERE table_id = p_table_id;
    RETURN v_new.model_version;
END
$$;

-- Swaps the previous version back in, atomically; the rolled-back version becomes previous (so a second rollback
-- rolls forward again). Returns the model version now live.
CREATE OR REPLACE FUNCTION embedding_rollback()
    RETURNS text
    LANGUAGE plpgsql AS
$$
DECLARE
    v_cur  embedding_versions;
    v_prev embedding_versions;
BEGIN
    SELECT * INTO v_cur FROM embedding_versions WHERE status = 'live' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no live embedding version: nothing to roll back' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    SELECT * INTO v_prev FROM embedding_versions WHERE status = 'previous' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no previous embedding version to roll back to (live: %)', v_cur.model_version
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    LOCK TABLE item_emb, user_emb IN ACCESS EXCLUSIVE MODE;
    EXECUTE format('ALTER TABLE item_emb RENAME TO %I', 'item_emb_v' || v_cur.table_id);
    EXECUTE format('ALTER TABLE user_emb RENAME TO %I', 'user_emb_v' || v_cur.table_id);
    EXECUTE format('ALTER TABLE %I RENAME TO item_emb', 'item_emb_v' || v_prev.table_id);
    EXECUTE format('ALTER TABLE %I RENAME TO user_emb', 'user_emb_v' || v_prev.table_id);
    -- Through 'staged' so that neither one-live nor one-previous is violated between the two updates.
    UPDATE embedding_versions SET status = 'staged' WHERE table_id = v_prev.table_id;
    UPDATE embedding_versions SET status = 'previous' WHERE table_id = v_cur.table_id;
    UPDATE embedding_versions SET status = 'live', activated_at = now() WHERE table_id = v_prev.table_id;
    RETURN v_prev.model_version;
END
$$;
