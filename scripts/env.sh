# The test environment: the services that `scripts/services up` starts.
# Source it (`. scripts/env.sh`); `make test` does.

export DJANGO_SETTINGS_MODULE=portal.settings.test
# PORTAL_TEST_DB / PORTAL_TEST_REDIS_DB let several checkouts test side by side.
export DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/${PORTAL_TEST_DB:-portal}
# Redis database 1 for tests, so they never touch the development queue on /0.
export REDIS_URL=redis://127.0.0.1:6379/${PORTAL_TEST_REDIS_DB:-1}
# Tests run tasks in-process; the worker test starts a real worker and turns this off.
export CELERY_TASK_ALWAYS_EAGER=true
# The Elasticsearch of scripts/elasticsearch; each test database gets its own indexes.
export ELASTICSEARCH_URL=http://127.0.0.1:9200
export SEARCH_INDEX_PREFIX=test-${PORTAL_TEST_DB:-portal}
