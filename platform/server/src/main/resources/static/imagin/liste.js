/* Lists (SH-6): the keyword filter updates the list while typing, sort headers and paging
   reload only the list region, and a click anywhere on a row opens its detail. Without
   script, the same links and forms load whole pages. */
'use strict';
(function () {
  var PARTIAL_HEADER = 'X-Imagin-Partiel';
  var DELAY_MS = 250;

  function Liste(region) {
    this.region = region;
    this.status = document.getElementById(region.id + '-statut');
    this.form = document.querySelector('[data-liste-motcle="' + region.id + '"]');
    this.controller = null;
  }

  /** Loads the region at url; focus goes back to the element matching focusSelector. */
  Liste.prototype.load = function (url, focusSelector) {
    var self = this;
    if (self.controller) { self.controller.abort(); }
    self.controller = new AbortController();
    self.region.setAttribute('aria-busy', 'true');
    var headers = {};
    headers[PARTIAL_HEADER] = 'liste';
    return fetch(url, { headers: headers, credentials: 'same-origin', signal: self.controller.signal })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.text();
      })
      .then(function (html) {
        self.region.innerHTML = html;
        revealSelectAll(self.region);
        self.region.removeAttribute('aria-busy');
        window.history.replaceState(null, '', url);
        self.syncForm(url);
        var title = self.region.querySelector('.imagin-liste__titre');
        if (self.status && title) { self.status.textContent = title.textContent; }
        if (focusSelector) {
          var target = self.region.querySelector(focusSelector);
          if (target) { target.focus(); }
        }
      })
      .catch(function (error) {
        if (error.name === 'AbortError') { return; }
        self.region.removeAttribute('aria-busy');
        if (window.imaginConsole) {
          window.imaginConsole.ajouter('erreur', 'La liste n\'a pas pu être mise à jour. Veuillez réessayer.');
        }
      });
  };

  /** Keeps the keyword form's hidden sort fields in step with the region's state. */
  Liste.prototype.syncForm = function (url) {
    if (!this.form) { return; }
    var params = new URL(url, window.location.href).searchParams;
    ['tri', 'sens'].forEach(function (name) {
      var field = this.form.querySelector('input[type="hidden"][name="' + name + '"]');
      if (field && params.has(name)) { field.value = params.get(name); }
    }, this);
  };

  Liste.prototype.keywordUrl = function () {
    var query = new URLSearchParams(new FormData(this.form)).toString();
    return this.form.getAttribute('action') + (query ? '?' + query : '');
  };

  Liste.prototype.bind = function () {
    var self = this;
    if (self.form) {
      var input = self.form.querySelector('input[name="q"]');
      var timer = null;
      input.addEventListener('input', function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { self.load(self.keywordUrl()); }, DELAY_MS);
      });
      self.form.addEventListener('submit', function (event) {
        event.preventDefault();
        window.clearTimeout(timer);
        self.load(self.keywordUrl());
      });
    }
    self.region.addEventListener('click', function (event) {
      var link = event.target.closest('a[data-liste-lien]');
      if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        var sortKey = link.getAttribute('data-tri');
        self.load(link.href, sortKey ? 'a[data-tri="' + sortKey + '"]' : '.imagin-liste__titre');
        return;
      }
      var row = event.target.closest('tr[data-href]');
      if (row && !event.target.closest('a, button, input') && !String(window.getSelection())) {
        window.location.href = row.getAttribute('data-href');
      }
    });
  };

  /**
   * A selectable list's "Tout" box ticks or unticks every row of the page shown; a row's own box
   * brings "Tout" in step. Bound on the document, so it survives the region being redrawn.
   */
  function revealSelectAll(root) {
    root.querySelectorAll('[data-selection-tout]').forEach(function (group) {
      group.hidden = false;
      var label = group.parentNode.querySelector('[data-selection-libelle]');
      if (label) { label.hidden = true; }
    });
  }
  function rowBoxes(all) {
    var table = all.closest('table');
    return table ? table.querySelectorAll('tbody input[type="checkbox"][form="' + all.getAttribute('data-selection-formulaire') + '"]') : [];
  }
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (box.matches('[data-selection-formulaire]')) {
      rowBoxes(box).forEach(function (row) { row.checked = box.checked; });
      return;
    }
    var table = box.closest('table');
    var all = table && table.querySelector('[data-selection-formulaire]');
    if (all && box.matches('tbody input[type="checkbox"]')) {
      var rows = Array.prototype.slice.call(rowBoxes(all));
      all.checked = rows.length > 0 && rows.every(function (row) { return row.checked; });
    }
  });
  revealSelectAll(document);

  document.querySelectorAll('[data-liste]').forEach(function (region) {
    new Liste(region).bind();
  });
})();
