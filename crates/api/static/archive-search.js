// The archive's search, in the browser: the words typed (from the form, or ?q= in the address)
// are folded like the index's words (lower case, accents and marks left out) and each must
// begin a word of the document; documents whose titles hold the words come first. The index is
// the global MFX_SEARCH_INDEX, which static/search-index-<lang>.js assigns.
(function () {
  'use strict';

  var SPECIAL = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ł': 'l', 'ı': 'i', 'þ': 'th', 'ð': 'd' };

  function fold(text) {
    return text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ßæœøđłıþð]/g, function (c) { return SPECIAL[c]; });
  }

  function wordsOf(text) {
    return fold(text).match(/[\p{L}\p{N}]+/gu) || [];
  }

  var index = window.MFX_SEARCH_INDEX;
  var form = document.getElementById('archive-search');
  var input = document.getElementById('q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!index || !form || !input || !status || !list) return;

  var documents = index.documents.map(function (doc) {
    return { doc: doc, title: wordsOf(doc.title), words: wordsOf(doc.words) };
  });

  // 2 when a word is the one typed, 1 when a word begins with it, else 0.
  function begins(words, typed) {
    var best = 0;
    for (var i = 0; i < words.length && best < 2; i++) {
      if (words[i] === typed) best = 2;
      else if (words[i].lastIndexOf(typed, 0) === 0) best = 1;
    }
    return best;
  }

  function find(query) {
    var typed = wordsOf(query);
    if (typed.length === 0) return null;
    var found = [];
    documents.forEach(function (entry) {
      var score = 0;
      for (var i = 0; i < typed.length; i++) {
        var inText = begins(entry.words, typed[i]);
        if (inText === 0) return;
        score += inText + 3 * begins(entry.title, typed[i]);
      }
      found.push({ score: score, doc: entry.doc });
    });
    found.sort(function (a, b) {
      return b.score - a.score || a.doc.title.localeCompare(b.doc.title, index.lang);
    });
    return found.map(function (f) { return f.doc; });
  }

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text) node.textContent = text;
    return node;
  }

  function show(query) {
    list.replaceChildren();
    var found = find(query);
    if (found === null) {
      status.textContent = '';
      return;
    }
    status.textContent = found.length === 0
      ? form.getAttribute('data-none')
      : form.getAttribute('data-found').replace('{count}', found.length.toLocaleString(index.lang));
    found.forEach(function (doc) {
      var item = element('li', {});
      var heading = element('h2', { lang: doc.lang });
      heading.appendChild(element('a', { href: doc.url }, doc.title));
      item.appendChild(heading);
      item.appendChild(element('p', { class: 'meta' }, doc.kind + ' · ' + doc.partner));
      if (doc.note) item.appendChild(element('p', { class: 'meta' }, doc.note));
      if (doc.excerpt) item.appendChild(element('p', { lang: doc.lang }, doc.excerpt));
      list.appendChild(item);
    });
  }

  var asked = new URLSearchParams(window.location.search).get('q');
  if (asked) {
    input.value = asked;
    show(asked);
  }
  input.addEventListener('input', function () { show(input.value); });
})();
