// Enter in a type-ahead picks the highlighted option. Browsers also treat Enter in a form's text field as "submit the
// form", which would save the form before the pick lands (and without it). Stopping only that default, in the capture
// phase, leaves the key to MudBlazor's own handlers; Enter in any other field still submits, as people expect.
document.addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.form
        && event.target.closest('.mud-autocomplete')) {
        event.preventDefault();
    }
}, true);
