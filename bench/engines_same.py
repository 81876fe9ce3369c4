"""What the database search backend answers to the 22 queries of `engines_bench`
(its 110 requests are these, 5 rounds each), written as JSON so that two checkouts
can be compared on the same database: every hit with its coarse score, the first
three pages (type, id, score), the total and every facet count.

Run it with the code of the checkout to test (its folder as working directory and
PYTHONPATH), in the environment of `engines_bench`, then compare:

    cd <checkout> && PYTHONPATH=. python <this file> /tmp/before.json
    python <this file> /tmp/after.json --against /tmp/before.json
"""

import json
import sys


def answers() -> dict:
    import django

    django.setup()
    from bench import search as bench_search
    from search.backends import database_backend
    from search.contract import FACET_NAMES, TYPES, SearchRequest

    backend = database_backend()
    found = {}
    for query in bench_search.QUERIES:
        params = bench_search.query_params(query)
        filters = {name: values for name, values in params.items() if name != "q"}
        matched = backend.match(
            query.q, list(TYPES), ranked=False, filtered=bool(filters)
        )
        pages = []
        for page in (1, 2, 3):
            response = backend.search(
                SearchRequest(
                    query=query.q,
                    filters=filters,
                    facets=frozenset(FACET_NAMES),
                    page=page,
                )
            )
            pages.append([[hit.type, hit.pk, hit.score] for hit in response.hits])
        found[f"{query.q} {filters}"] = {
            "matched": sorted([t, pk, float(s)] for (t, pk), s in matched.items()),
            "total": response.total,
            "pages": pages,
            "facets": json.loads(json.dumps(response.facets, default=str)),
        }
    return found


def main(path: str, against: str | None) -> int:
    found = answers()
    with open(path, "w", encoding="utf-8") as out:
        json.dump(found, out, sort_keys=True, default=str)
    for name, answer in found.items():
        print(f"{name}: {answer['total']} hits, {len(answer['matched'])} matched")
    if not against:
        return 0
    with open(against, encoding="utf-8") as before_file:
        before = json.load(before_file)
    after = json.loads(json.dumps(found, sort_keys=True, default=str))
    differing = [name for name in before if before[name] != after.get(name)]
    for name in differing:
        parts = [k for k in before[name] if before[name][k] != after[name].get(k)]
        print(f"DIFFERS: {name}: {', '.join(parts)}")
    print(f"{len(before) - len(differing)} of {len(before)} queries answer the same")
    return 1 if differing else 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    compare = arguments[2] if arguments[1:2] == ["--against"] else None
    sys.exit(main(arguments[0], compare))
