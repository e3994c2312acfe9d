// Tetsuzuki: a small language link (日本語 / English) in the footer band of every Tasklist page, never over a form's
// buttons (it used to float at the bottom right, over the Tasklist form's 完了 button on a 1400×1000 screen).
// The choice is kept in this browser (localStorage 'tetsuzuki.locale') and read by scripts/config.js.
const KEY = 'tetsuzuki.locale';
const current = (() => {
  try {
    return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'ja';
  } catch (e) {
    return 'ja';
  }
})();

function switchLink() {
  const link = document.createElement('a');
  link.id = 'tetsuzuki-language-switch';
  link.href = '#';
  link.lang = current === 'ja' ? 'en' : 'ja';
  link.textContent = current === 'ja' ? 'English' : '日本語';
  link.title = current === 'ja' ? 'Switch to English' : '日本語に切り替える';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    try {
      window.localStorage.setItem(KEY, current === 'ja' ? 'en' : 'ja');
    } catch (e) {
      // storage blocked: nothing to remember
    }
    window.location.reload();
  });
  return link;
}

// fixed in the middle of the footer band (between its time-zone note and the vendor line), where no form button is (the webapp re-renders its own
// footer, so the link is not put inside it)
function addSwitch() {
  if (document.getElementById('tetsuzuki-language-switch')) {
    return;
  }
  const link = switchLink();
  link.setAttribute('style', 'position:fixed;left:50%;transform:translateX(-50%);bottom:3px;z-index:2000;font-size:12px;'
      + 'background:#fff;border:1px solid #ccc;border-radius:3px;padding:0 8px;');
  document.body.appendChild(link);
}

// form-js (Camunda Forms in the Tasklist) has no locale option in Camunda 7: its few fixed English strings are
// replaced as they appear, in Japanese mode only
const FORM_TEXTS = {'Field is required.': '入力してください。', 'Select': '選択してください',
  'Search': '検索'};
function localiseForms(root) {
  if (current !== 'ja' || !root.querySelectorAll) {
    return;
  }
  root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error li, .fjs-select-display, '
      + '.fjs-taglist-empty').forEach((node) => {
    const text = node.childNodes.length === 1 && node.firstChild.nodeType === 3 ? node.firstChild.nodeValue : null;
    if (text && FORM_TEXTS[text.trim()]) {
      node.firstChild.nodeValue = FORM_TEXTS[text.trim()];
    }
  });
  root.querySelectorAll('input[placeholder], textarea[placeholder]').forEach((input) => {
    const text = input.getAttribute('placeholder');
    if (FORM_TEXTS[text]) {
      input.setAttribute('placeholder', FORM_TEXTS[text]);
    }
  });
}

function start() {
  addSwitch();
  if (current === 'ja' && window.MutationObserver) {
    localiseForms(document.body);
    new MutationObserver(() => localiseForms(document.body)).observe(document.body,
        {childList: true, subtree: true, characterData: true});
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
document.documentElement.lang = current;
