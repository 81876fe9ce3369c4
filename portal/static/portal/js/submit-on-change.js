// Fields marked data-submit-on-change send their form as soon as they change
// (the search page's result type and sort). A file, not an inline handler:
// the Content-Security-Policy refuses inline scripts.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-submit-on-change]");
  if (field && field.form) {
    field.form.submit();
  }
});
