-- Useful queries against the vector DB. Each block is self-contained; run one with psql variables, e.g.
--
--   psql "$DB" -v item_id=S10_1678 -v k=10 -f sql/queries.sql
--   psql "$DB" -v user_id=103 -v k=10 -f sql/queries.sql
--   psql "$DB" -f sql/queries.sql                       (live version, history, sizes only)
--
-- Scores follow docs/contracts.md: inner_product → -(a <#> b); cosine → 1 - (a <=> b). The index is used only for
-- ORDER BY embedding <op> q LIMIT k, so each query orders by the raw operator; the live distance decides which
-- one (a version built for cosine has a vector_cosine_ops index).

\if :{?k} \else \set k 10 \endif
-- Operator and score sign for the live version's distance (from a fixed mapping, never from input).
SELECT CASE distance WHEN 'cosine' THEN '<=>' ELSE '<#>' END AS op,
       CASE distance WHEN 'cosine' THEN '1 -' ELSE '-' END AS score_sign
FROM embedding_live_version \gset

-- Which model version is live, since when, and what is kept for rollback.
SELECT status, model_version, embedding_dim, distance, item_rows, user_rows, loaded_at, activated_at
FROM embedding_versions
WHERE status IN ('live', 'previous', 'staged')
ORDER BY table_id DESC;

-- Load history.
SELECT table_id, model_version, status, item_rows, user_rows, loaded_at, activated_at
FROM embedding_versions ORDER BY table_id DESC LIMIT 20;

-- Table and index sizes of the live and kept versions.
SELECT c.relname AS table_name,
       pg_size_pretty(pg_table_size(c.oid))   AS table_size,
       pg_size_pretty(pg_indexes_size(c.oid)) AS indexes_size,
       c.reltuples::bigint                    AS approx_rows
FROM pg_class c
WHERE c.relkind = 'r' AND c.relname ~ '^(item|user)_emb(_v[0-9]+)?$'
ORDER BY c.relname;

-- Top-k items similar to an item (the item itself excluded). The query vector goes through a psql variable so
-- that the ORDER BY has a constant operand and uses the HNSW index.
\if :{?item_id}
SELECT embedding AS query_vector FROM item_emb WHERE id = :'item_id' \gset
SELECT id AS product_code, :score_sign (embedding :op :'query_vector'::vector) AS score
FROM item_emb
WHERE id <> :'item_id'
ORDER BY embedding :op :'query_vector'::vector
LIMIT :k;
\endif

-- Top-k items for a user.
\if :{?user_id}
SELECT embedding AS query_vector FROM user_emb WHERE id = :user_id \gset
SELECT id AS product_code, :score_sign (embedding :op :'query_vector'::vector) AS score
FROM item_emb
ORDER BY embedding :op :'query_vector'::vector
LIMIT :k;
\endif
