"""PostgreSQL's own structures beside the stored vector (search/backends/postgres.py):
each project's facet values as "facet:value" tokens, so facets are counted over the
hits in one grouped scan of a narrow table instead of joins per facet at 100,000
projects; and the vocabulary of the entries' words with a trigram index, for the
typo pass (a word compared with words, not with an entry's whole text).

Both are filled here from the current rows, then kept by the backend's
`write_text`. SQLite has its own (search/backends/sqlite.py): nothing to do there.
"""

from django.db import migrations

FORWARD = """
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
DROP TABLE IF EXISTS search_entry_vocabulary;
DROP TABLE IF EXISTS search_project_facets;
"""
# Facets are stored from the registry's rows in batches of this many projects.
BATCH = 2000


def forward(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(FORWARD)
        cursor.execute(
            "SELECT object_id FROM search_searchentry "
            "WHERE search_type = 'project' ORDER BY object_id"
        )
        ids = [pk for (pk,) in cursor.fetchall()]
    # The rule of what a project's facets are has one home; a data migration
    # reads it as it is when run (the stored tokens are rebuilt with the entries).
    from search.backends.project_facets import project_facets_store

    for first in range(0, len(ids), BATCH):
        project_facets_store(ids[first : first + BATCH])


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
