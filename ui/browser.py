"""What runs in the browser: the app's style and one small script, and the HTML hooks
the script acts on.

The script (static, installed once per page load) does three things Streamlit cannot:

- scrolls to an element marked ``data-pkb-scroll`` once the page is quiet (the cited
  span in the reader, a new answer — not the end of its citation list);
- opens and shows citation ``n`` when its ``[n]`` marker is clicked;
- copies a button's ``data-copy`` text to the clipboard (with a fallback for plain-HTTP
  intranet servers, where the Clipboard API is missing).

No document or user text is ever part of the script; it reaches the page only as
escaped attribute values.
"""

from __future__ import annotations

import html
import json
import uuid

import streamlit as st

from ui.strings import t

__all__ = ["copy_button", "inject", "ref", "scroll_here"]

_STYLE = """
<style>
.pkb-reader{line-height:1.9;overflow-wrap:anywhere}
.pkb-table{border-collapse:collapse;margin:.4em 0 .8em;line-height:1.5;display:block;overflow:auto}
.pkb-table th,.pkb-table td{border:1px solid #d0d3d9;padding:.25em .6em;text-align:left}
.pkb-table td+td,.pkb-table th+th{text-align:right}
.pkb-plan{overflow-wrap:anywhere}
mark{background:#ffe08a;padding:0 .1em}
mark#cited{background:#ffd23f;box-shadow:0 0 0 2px #ffd23f;scroll-margin:5rem}
mark.pkb-heading{background:#fff1c2;font-weight:700;scroll-margin-top:5rem}
.pkb-section{margin:.2em 0 .9em 0}
.pkb-section ul{margin-bottom:0}
.pkb-head{font-weight:600}
.pkb-head small,.pkb-addr small{font-weight:400;color:#6b6f76}
.pkb-addr{color:#4b4f56;font-size:.9em}
.pkb-lead{font-size:1.6em;font-weight:700;margin:.1em 0 .2em 0}
.pkb-lead small{font-size:.55em;font-weight:400;color:#4b4f56}
a.pkb-ref{text-decoration:none;font-size:.8em;padding:0 .15em;border-radius:3px}
a.pkb-ref:hover{background:#e8eefc}
.pkb-flash{outline:2px solid #ffd23f;border-radius:8px}
button.pkb-copy{font:inherit;font-size:.85em;padding:.25em .75em;border:1px solid #d0d3d9;
  border-radius:.5rem;background:#fff;cursor:pointer;color:inherit}
button.pkb-copy:hover{border-color:#ff4b4b;color:#ff4b4b}
.pkb-table{border-collapse:collapse;width:100%;font-size:.95em}
.pkb-table th,.pkb-table td{border-bottom:1px solid #e6e8eb;padding:.35em .4em;
  vertical-align:top;text-align:left}
.pkb-table td.n,.pkb-table th.n{text-align:right}
.pkb-table td.n,.pkb-table td.v{white-space:nowrap}
@media (min-width:641px){  /* beside the text on a desktop; above it on a phone */
  [data-testid=stColumn]:has(.st-key-pkb-toc){position:sticky;top:3.75rem;align-self:flex-start}
}
.pkb-table small{color:#6b6f76}
.pkb-docs{padding-left:1.1em;margin:0;font-size:.85em;line-height:1.35}
.pkb-docs li{margin:0 0 .35em 0}
.pkb-docs small,.pkb-quiet{color:#6b6f76}
.stMain a[data-testid=stPageLink-NavLink]{background:transparent}
.stMain a[data-testid=stPageLink-NavLink]:hover{background:#f0f2f6}
.stMain a[data-testid=stPageLink-NavLink] p{font-weight:400}
.stMain a[data-testid=stPageLink-NavLink] span,
.stMain a[data-testid=stPageLink-NavLink] p{white-space:normal;overflow:visible;text-overflow:clip}
.st-key-pkb-toc a[data-testid=stPageLink-NavLink]{padding:.05rem .4rem;min-height:0}
.st-key-pkb-toc [data-testid=stVerticalBlock]{gap:.1rem}
.stMain .st-key-pkb-here a[data-testid=stPageLink-NavLink]{background:#fff1c2}
.stMain .st-key-pkb-here a[data-testid=stPageLink-NavLink] p{font-weight:700}
[data-testid=stStatusWidget]{visibility:hidden}
[data-testid=stFileUploaderDropzoneInstructions]{display:none}
[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p{display:none}
[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer]::after{
  content:CHOOSE}
@media (max-width:640px){
  h1{font-size:1.8rem!important}
  .pkb-lead{font-size:1.35em}
  /* the contents above the text: a short scrolling box, not the whole first screen */
  .st-key-pkb-toc{height:13rem!important;max-height:13rem}
}
</style>
"""

_SCRIPT = """
<script>
(() => {
  if (window.__pkb) return;
  window.__pkb = true;
  const seen = new Set();
  let timer = null;
  const settle = () => {
    document.querySelectorAll('[data-pkb-scroll]').forEach((el) => {
      const id = el.getAttribute('data-pkb-scroll');
      if (seen.has(id)) return;
      seen.add(id);
      const apply = () => {
        const mark = document.querySelector('[data-pkb-scroll="' + id + '"]') || el;
        let target = mark, block = 'center';
        if (mark.getAttribute('data-pkb-mode') === 'start') block = 'start';
        if (mark.getAttribute('data-pkb-mode') === 'answer') {
          const msgs = Array.from(document.querySelectorAll('[data-testid=stChatMessage]'));
          const msg = mark.closest('[data-testid=stChatMessage]');
          target = msgs[msgs.indexOf(msg) - 1] || msg || mark;
          block = 'start';
        }
        const toc = document.querySelector('.st-key-pkb-toc');
        const here = toc && toc.querySelector('.st-key-pkb-here');
        if (here) {  // the contents box scrolls itself; the page does not move for it
          toc.scrollTop += here.getBoundingClientRect().top - toc.getBoundingClientRect().top - 40;
        }
        target.scrollIntoView({block: block, behavior: 'instant'});
      };
      // Streamlit keeps a chat scrolled to its end as it grows: repeat until the user acts
      const moved = userMoved;
      [0, 250, 600, 1200].forEach((ms) => setTimeout(() => {
        if (userMoved === moved) apply();
      }, ms));
    });
  };
  let userMoved = 0;
  ['wheel', 'touchstart', 'keydown', 'mousedown'].forEach((name) =>
    window.addEventListener(name, () => { userMoved += 1; }, {capture: true, passive: true}));
  new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(settle, 150); })
    .observe(document.body, {childList: true, subtree: true});
  const copy = async (button) => {
    const text = button.getAttribute('data-copy') || '';
    let ok = false;
    try { await navigator.clipboard.writeText(text); ok = true; } catch (e) { ok = false; }
    if (!ok) {
      const area = document.createElement('textarea');
      area.value = text;
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      area.remove();
    }
    if (ok) {
      button.setAttribute('data-copied', String(Date.now()));  // stays: tests and tools can see it
      const label = button.textContent;
      button.textContent = button.getAttribute('data-done') || label;
      setTimeout(() => { button.textContent = label; }, 1500);
    }
  };
  document.addEventListener('click', (event) => {
    const ref = event.target.closest && event.target.closest('a.pkb-ref');
    if (ref) {
      event.preventDefault();
      const box = document.querySelector('.st-key-' + ref.getAttribute('data-cite'));
      if (!box) return;
      const details = box.querySelector('details');
      if (details && !details.open) details.querySelector('summary').click();
      box.scrollIntoView({block: 'center', behavior: 'instant'});
      box.classList.add('pkb-flash');
      setTimeout(() => box.classList.remove('pkb-flash'), 1600);
      return;
    }
    const button = event.target.closest && event.target.closest('button.pkb-copy');
    if (button) copy(button);
  });
})();
</script>
"""


def inject() -> None:
    """The style (in the session's language) and the script; call once per run."""
    st.html(_STYLE.replace("CHOOSE", json.dumps(t("choose_file"), ensure_ascii=False)))
    with st.sidebar:
        st.html(_SCRIPT, unsafe_allow_javascript=True)


def scroll_here(mode: str = "center") -> str:
    """Attributes that make the script bring this element into view after this run."""
    return f"data-pkb-scroll='{uuid.uuid4().hex}' data-pkb-mode='{mode}'"


def ref(n: int, key: str) -> str:
    """A clickable ``[n]`` marker opening the citation held in container ``key``."""
    return f"<sup><a class='pkb-ref' href='#{key}' data-cite='{key}'>[{n}]</a></sup>"


def copy_button(text: str, label: str) -> None:
    """A button that copies ``text`` (plain text, e.g. Markdown) to the clipboard."""
    st.html(
        f"<button class='pkb-copy' type='button' data-copy='{html.escape(text, quote=True)}' "
        f"data-done='{html.escape(t('copied'), quote=True)}'>{html.escape(label)}</button>"
    )
