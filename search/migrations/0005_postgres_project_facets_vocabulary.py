"""PostgreSQL's own search structures (search/backends/postgres.py), narrow tables
read instead of the wide entries at 100,000 projects:

- the entries' stored vectors, with the GIN index the text query reads (an entry
  row, with its texts and snippet, spans 2.6 kB: reading 14,000 hits' rows cost
  more than testing their vectors); the entries' own indexes are no longer read (dropped);
- each project's facet values as "facet:value" tokens, counted over the hits in one
  grouped scan instead of joins per facet;
- the vocabulary of the entries' words with a trigram index, for the typo pass (a
  word compared with words, not with an entry's whole text).

All are filled here from the current rows, then kept by the backend's `write_text`.
SQLite has its own (search/backends/sqlite.py): nothing to do there.
"""

from django.db import migrations

FORWARD = """
CREATE TABLE IF NOT EXISTS search_entry_vectors (
  entry_id bigint PRIMARY KEY,
  search_type varchar(20) NOT NULL,
  object_id bigint NOT NULL,
  sort_title varchar(500) NOT NULL,
  document tsvector NOT NULL
);
ALTER TABLE search_entry_vectors ALTER COLUMN document SET STORAGE MAIN;
INSERT INTO search_entry_vectors
  SELECT id, search_type, object_id, sort_title, document FROM search_searchentry
ON CONFLICT DO NOTHING;
CREATE INDEX IF NOT EXISTS search_entry_vectors_document
  ON search_entry_vectors USING gin (document);
DROP INDEX IF EXISTS search_entry_document;
DROP INDEX IF EXISTS search_entry_words_trgm;
CREATE TABLE IF NOT EXISTS search_project_facets (
  project_id bigint PRIMARY KEY,
  facets text[] NOT NULL
);
CREATE TABLE IF NOT EXISTS search_entry_vocabulary (word text PRIMARY KEY);
CREATE INDEX IF NOT EXISTS search_entry_vocabulary_trgm
  ON search_entry_vocabulary USING gin (word gin_trgm_ops);
INSERT INTO search_entry_vocabulary (word)
  SELECT DISTINCT word
  FROM search_searchentry, unnest(string_to_array(words, ' ')) word
  WHERE word <> ''
ON CONFLICT DO NOTHING;
"""
BACKWARD = """
CREATE INDEX IF NOT EXISTS search_entry_document ON search_searchentry
  USING gin (document);
CREATE INDEX IF NOT EXISTS search_entry_words_trgm ON search_searchentry
  USING gin (words gin_trgm_ops);
DROP TABLE IF EXISTS search_entry_vectors;
DROP TABLE IF EXISTS search_entry_vocabulary;
DROP TABLE IF EXISTS search_project_facets;
"""


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(FORWARD)
    # The projects' facets are stored by migration 0007, as coded there.


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_matching_tables"),
        ("projects", "0009_project_public_lead_indexes"),
        ("registry", "0006_dataset_citizen_information"),
    ]

    operations = [migrations.RunPython(forward, backward)]
