// SANTORIN import (administration/service-fait): the chosen file is read into the text area the
// form sends, so the upload needs no multipart handling; without script the user pastes it.
(function () {
  'use strict';
  var groupe = document.querySelector('[data-import-fichier]');
  var zone = document.getElementById('contenu');
  if (!groupe || !zone || !window.FileReader) {
    return;
  }
  groupe.hidden = false;
  document.getElementById('fichier').addEventListener('change', function (event) {
    var file = event.target.files && event.target.files[0];
    if (!file) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      zone.value = String(reader.result);
    };
    reader.readAsText(file, 'UTF-8');
  });
})();
