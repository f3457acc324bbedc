-- RDS-native alternative to the embeddings loader: imports a model's embedding CSVs straight from S3 with the
-- aws_s3 extension (RDS / Aurora PostgreSQL only), into new versioned tables, then makes them live with the same
-- atomic swap as the loader (functions of sql/schema.sql). Nothing to edit by hand:
--
--   psql "host=… dbname=… user=…" \
--        -v bucket=my-ml-artifacts -v prefix=models/classicmodels-2026-11-21-s42 -v region=eu-west-1 \
--        -v model_version=classicmodels-2026-11-21-s42 -v dim=32 -v distance=inner_product \
--        -f sql/rds_s3_import.sql
--
-- Required: bucket, prefix (may be ''), region, model_version, dim, distance (the manifest's model_version,
-- embedding_dim and distance; e.g. `jq -r .embedding_dim manifest.json`).
-- Optional: item_distance (the manifest's item_distance; default: distance), hnsw_m (16), hnsw_ef_construction (64),
-- maintenance_work_mem ('512MB'), force (false). There is no quality gate here: check metrics.json before running it.
-- The DB instance needs an IAM role allowing s3:GetObject on the bucket (feature name s3Import).
--
-- Unlike the Java loader, rows are not validated before COPY: the database enforces what it can (dimension and
-- finite values by the vector type, unique ids by the primary key, non-empty tables by embedding_finish_staging),
-- and any error rolls the whole import back. Errors are reported by PostgreSQL, not as a file:line list.

\set ON_ERROR_STOP on

\if :{?bucket} \else \echo 'missing -v bucket=…' \quit \endif
\if :{?prefix} \else \echo 'missing -v prefix=… (may be empty: -v prefix=)' \quit \endif
\if :{?region} \else \echo 'missing -v region=…' \quit \endif
\if :{?model_version} \else \echo 'missing -v model_version=… (the manifest''s model_version)' \quit \endif
\if :{?dim} \else \echo 'missing -v dim=… (the manifest''s embedding_dim)' \quit \endif
\if :{?distance} \else \echo 'missing -v distance=inner_product|cosine' \quit \endif
\if :{?item_distance} \else \set item_distance :distance \endif
\if :{?hnsw_m} \else \set hnsw_m 16 \endif
\if :{?hnsw_ef_construction} \else \set hnsw_ef_construction 64 \endif
\if :{?maintenance_work_mem} \else \set maintenance_work_mem 512MB \endif
\if :{?force} \else \set force false \endif

SET client_min_messages = warning;

-- Same lock as the Java loader (LoaderLock.KEY): the two never interleave.
SELECT pg_try_advisory_lock(7242019420260001) AS got_lock \gset
\if :got_lock
\else
  \echo 'another embeddings loader is running against this database; try again when it has finished'
  SELECT 1 / 0 AS another_loader_is_running;
\endif

\ir schema.sql
-- aws_s3 may already exist (RDS creates nothing by itself; a previous run may have).
SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
               WHERE n.nspname = 'aws_s3' AND p.proname = 'table_import_from_s3') AS have_aws_s3 \gset
\if :have_aws_s3
\else
  CREATE EXTENSION aws_s3 CASCADE;
\endif

SELECT embedding_discard_staged() AS discarded \gset

SELECT coalesce((SELECT model_version = :'model_version' FROM embedding_versions WHERE status = 'live'), false)
       AND NOT :force AS unchanged \gset
\if :unchanged
  \echo 'model version' :'model_version' 'is already live; nothing to do (-v force=true reloads it)'
  SELECT pg_advisory_unlock(7242019420260001) AS unlocked \gset
  \quit
\endif

SELECT CASE WHEN :'prefix' = '' THEN 'embeddings/'
            ELSE rtrim(:'prefix', '/') || '/embeddings/' END AS s3_dir \gset

BEGIN;
SELECT embedding_stage(:'model_version', :dim, :'distance', :'item_distance') AS table_id \gset
SELECT aws_s3.table_import_from_s3(format('item_emb_v%s', :table_id), 'id,embedding', '(format csv, header true)',
                                   :'bucket', :'s3_dir' || 'item_embeddings.csv', :'region');
SELECT aws_s3.table_import_from_s3(format('user_emb_v%s', :table_id), 'id,embedding', '(format csv, header true)',
                                   :'bucket', :'s3_dir' || 'user_embeddings.csv', :'region');
SELECT set_config('maintenance_work_mem', :'maintenance_work_mem', true);
SELECT embedding_finish_staging(:table_id, :hnsw_m, :hnsw_ef_construction);
COMMIT;

-- The swap waits at most 5 s for readers' locks; on timeout run the script again (or the loader's --force).
SET lock_timeout = '5s';
SELECT embedding_activate(:table_id) AS now_live;
RESET lock_timeout;

SELECT model_version, item_rows, user_rows, activated_at FROM embedding_live_version;
SELECT pg_advisory_unlock(7242019420260001) AS unlocked \gset
