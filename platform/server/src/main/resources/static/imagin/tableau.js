/* Small in-page tables of the detail screens (templates/shell/tableau.ftlh): "Filtrer par
   mot-clé" hides the rows that do not match while the user types. Every word typed must appear
   in the row's cells, case and accents ignored (the rule of the big lists' server-side filter);
   the count in the title follows, and a status region reads it out. Without script the input
   stays hidden and every row shows. */
'use strict';
(function () {
  var ANNOUNCE_DELAY_MS = 400;
  var NO_MATCH = 'Aucune ligne ne correspond à la recherche.';

  /** Lower case without accents or ligatures: "Épreuve" and "epreuve" match. */
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE')
      .toLowerCase();
  }

  /** "2 lignes", "1 ligne", "0 ligne", as ListView.titleWithCount writes them. */
  function lines(n) {
    return n + (n > 1 ? ' lignes' : ' ligne');
  }

  function Tableau(block) {
    var id = block.getAttribute('data-tableau');
    this.base = block.getAttribute('data-tableau-titre');
    this.search = block.querySelector('[data-tableau-motcle]');
    this.input = document.getElementById(id + '-motcle');
    this.table = document.getElementById(id);
    this.title = document.getElementById(id + '-titre');
    this.status = document.getElementById(id + '-statut');
    this.caption = this.table ? this.table.querySelector('caption') : null;
    this.noMatch = this.table ? this.table.querySelector('[data-tableau-aucune]') : null;
    this.rows = [];
    this.timer = null;
  }

  /** Each row with its folded text, cells marked data-tableau-ignore (actions) left out. */
  Tableau.prototype.index = function () {
    var rows = this.table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      if (row.hasAttribute('data-tableau-aucune')) { continue; }
      var texts = [];
      for (var j = 0; j < row.cells.length; j++) {
        if (!row.cells[j].hasAttribute('data-tableau-ignore')) {
          texts.push(row.cells[j].textContent.replace(/\s+/g, ' ').trim());
        }
      }
      this.rows.push({ row: row, text: fold(texts.join(' ')) });
    }
  };

  Tableau.prototype.filter = function () {
    var words = fold(this.input.value).split(/\s+/).filter(function (w) { return w.length > 0; });
    var shown = 0;
    this.rows.forEach(function (entry) {
      var match = words.every(function (w) { return entry.text.indexOf(w) >= 0; });
      entry.row.hidden = !match;
      if (match) { shown++; }
    });
    var title = this.base + ' (' + lines(shown) + ')';
    this.title.textContent = title;
    if (this.caption) { this.caption.textContent = title; }
    if (this.noMatch) { this.noMatch.hidden = shown > 0; }
    this.announce(shown > 0 ? title : title + ' ' + NO_MATCH);
  };

  /** Reads the new count out once the user pauses, not at every key. */
  Tableau.prototype.announce = function (text) {
    var status = this.status;
    if (!status) { return; }
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { status.textContent = text; }, ANNOUNCE_DELAY_MS);
  };

  Tableau.prototype.bind = function () {
    if (!this.search || !this.input || !this.table || !this.title) { return; }
    var self = this;
    self.index();
    self.search.hidden = false;
    self.input.addEventListener('input', function () { self.filter(); });
    // Escape in a search field clears it: the rows come back.
    self.input.addEventListener('search', function () { self.filter(); });
    // A value the browser restored (back button) applies at once.
    if (self.input.value) { self.filter(); }
  };

  document.querySelectorAll('[data-tableau]').forEach(function (block) {
    new Tableau(block).bind();
  });
})();
