"""Open data: full exports of the published registry (CSV, JSON Lines), the DCAT-AP
catalogue, Atom feeds and the /donnees/ page. Every export starts from the
visibility querysets (`Project.objects.public()`, `Evaluation.objects.public()`)."""
