/* Wide tables (issue 11): a table wider than its block scrolls inside it, never the page, and
   says so. Every DSFR table's scrolling box is watched; while its content is wider than the box,
   a hint above the table tells the user to scroll it sideways (the scrollbar alone is easy to
   miss, and hidden until hovered on some systems). Lists replace their region when sorted or
   filtered (liste.js), so new tables are picked up as they appear. */
'use strict';
(function () {
  var HINT = 'Tableau plus large que l\'écran : faites-le défiler horizontalement pour voir toutes les colonnes.';
  var SCROLLERS = '.fr-table__container, .imagin-liste__defilement';
  var watched = new WeakSet();

  /** The box that scrolls: the innermost scrolling element of the table block. */
  function scroller(table) {
    var boxes = table.querySelectorAll(SCROLLERS);
    return boxes.length ? boxes[boxes.length - 1] : null;
  }

  function hintOf(table) {
    var hint = table.querySelector(':scope > .imagin-defilement__indice');
    if (!hint) {
      hint = document.createElement('p');
      hint.className = 'fr-hint-text fr-icon-arrow-left-right-line fr-icon--sm imagin-defilement__indice';
      hint.textContent = HINT;
      hint.hidden = true;
      table.insertBefore(hint, table.firstChild);
    }
    return hint;
  }

  /** A box the user must scroll takes the keyboard focus, named by its table's caption (WCAG 2.1.1). */
  function reachable(box) {
    if (box.hasAttribute('tabindex')) { return; }
    box.setAttribute('tabindex', '0');
    if (!box.hasAttribute('role')) {
      var caption = box.querySelector('caption');
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', caption ? caption.textContent.trim() : 'Tableau');
    }
  }

  function update(table) {
    var box = scroller(table);
    if (!box) { return; }
    var wide = box.scrollWidth > box.clientWidth + 1;
    if (wide) { reachable(box); }
    table.classList.toggle('imagin-defilement--deborde', wide);
    if (wide || table.querySelector(':scope > .imagin-defilement__indice')) {
      hintOf(table).hidden = !wide;
    }
  }

  var resized = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var table = entry.target.closest('.fr-table');
      if (table) { update(table); }
    });
  }) : null;

  function scan() {
    document.querySelectorAll('.fr-table').forEach(function (table) {
      var box = scroller(table);
      if (box && resized && !watched.has(box)) {
        watched.add(box);
        resized.observe(box);
        var inner = box.querySelector('table');
        if (inner) { resized.observe(inner); }
      }
      update(table);
    });
  }

  scan();
  window.addEventListener('resize', scan);
  document.querySelectorAll('[data-liste]').forEach(function (region) {
    new MutationObserver(scan).observe(region, { childList: true });
  });
})();
