/* "Saisie d'indisponibilité": the ✗ of the "Suppression" column asks before deleting.
   Without script the form posts at once; the server decides what may be deleted anyway. */
(function () {
  'use strict';
  document.querySelectorAll('form[data-confirmation]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirmation'))) {
        event.preventDefault();
      }
    });
  });
})();
