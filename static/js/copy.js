// A "Copy" button: <button data-copy-from="ID" data-copied="Copied"> copies the value of
// the field ID to the clipboard. Without the clipboard API the field's text is selected.
document.querySelectorAll("[data-copy-from]").forEach((button) => {
  button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copyFrom);
    field.select();
    if (!navigator.clipboard) return;
    await navigator.clipboard.writeText(field.value);
    const label = button.textContent;
    button.textContent = button.dataset.copied;
    setTimeout(() => { button.textContent = label; }, 2000);
  });
});
