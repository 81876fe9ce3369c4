// Polls the run's progress every second and reloads the page for the report.
(function () {
  const section = document.getElementById("import-progress");
  if (!section || section.dataset.finished === "true") return;
  const bar = document.getElementById("import-bar");
  const status = document.getElementById("import-status");
  async function poll() {
    const response = await fetch(section.dataset.progressUrl, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) return;
    const progress = await response.json();
    bar.max = Math.max(progress.total, 1);
    bar.value = progress.done;
    status.textContent =
      progress.status_label + " — " + progress.done + " / " + progress.total;
    if (progress.finished) {
      window.location.reload();
    } else {
      window.setTimeout(poll, 1000);
    }
  }
  window.setTimeout(poll, 500);
})();
