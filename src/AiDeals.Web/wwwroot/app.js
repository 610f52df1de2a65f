// Enter in a type-ahead picks the highlighted option. Browsers also treat Enter in a form's text field as "submit the
// form", which would save the form before the pick lands (and without it). Stopping only that default, in the capture
// phase, leaves the key to MudBlazor's own handlers; Enter in any other field still submits, as people expect.
document.addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.form
        && event.target.closest('.mud-autocomplete')) {
        event.preventDefault();
    }
}, true);

// A field's text travels to the server as JSON, whose reader refuses half a surrogate pair (text broken on paste, or
// typed with a crafted keyboard): the event would be dropped as bad input and the circuit closed, losing the form.
// Before Blazor reads the field (its listeners run after this capture-phase one), such halves become U+FFFD, as a UTF-8
// decoder would make them; whole pairs (emoji) are untouched.
const mendBrokenText = event => {
    const field = event.target;
    if ((field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && !field.value.isWellFormed()) {
        field.value = field.value.toWellFormed();
    }
};
document.addEventListener('input', mendBrokenText, true);
document.addEventListener('change', mendBrokenText, true);

// The system's color scheme, for a reader who has not chosen light or dark yet (MainLayout asks once the circuit is up).
window.aideals = { prefersDark: () => window.matchMedia('(prefers-color-scheme: dark)').matches };

// Escape closes the navigation drawer where it lies over the page (a narrow screen), as a click on its dimmed overlay
// does; the focus, if it was in the drawer, goes back to the menu button rather than to a link that is hidden. A dialog
// open over it takes the key for itself: Escape closes the dialog, and a second one the drawer.
document.addEventListener('keydown', event => {
    const overlay = document.querySelector('.app-drawer-overlay');
    if (event.key !== 'Escape' || !overlay || getComputedStyle(overlay).display === 'none'
        || document.querySelector('.mud-dialog-container')) {
        return;
    }

    const focusInDrawer = document.getElementById('app-drawer')?.contains(document.activeElement);
    overlay.click();
    if (focusInDrawer) {
        document.querySelector('.app-menu-button-narrow')?.focus();
    }
});
