// mou serve's only script, a progressive enhancement: every page works without it.
// It submits a party choice at once, adds decision rows, and sends a form only once.
document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
  for (const link of document.querySelectorAll("a[data-back]")) {
    link.addEventListener("click", (event) => {
      if (history.length > 1) { event.preventDefault(); history.back(); }
    });
  }
  for (const button of document.querySelectorAll("button[data-add-row]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const rows = button.closest("fieldset").querySelectorAll("tr[data-row]");
      const copy = rows[rows.length - 1].cloneNode(true);
      for (const field of copy.querySelectorAll("input, select")) { field.value = ""; }
      rows[rows.length - 1].after(copy);
    });
  }
  for (const form of document.querySelectorAll("form[method=post]")) {
    form.addEventListener("submit", (event) => {
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = "1";
    });
  }
});
