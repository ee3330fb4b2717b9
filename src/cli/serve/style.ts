// The preview page's stylesheet: a bar on top, the forms beside the report, the report filling the rest.
export const previewStyle = `
:root { color-scheme: light; font: 15px/1.45 system-ui, sans-serif; color: #1d1d1f; }
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; display: flex; flex-direction: column; }
.bar { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: baseline; padding: .45rem 1rem;
  background: #1f3a5f; color: #fff; }
.bar a { color: #fff; margin-left: auto; }
.bar .live { opacity: .8; font-size: .9em; }
.layout { flex: 1; display: flex; min-height: 0; }
main { flex: 1; display: flex; min-width: 0; }
iframe { flex: 1; border: 0; width: 100%; height: 100%; }
.edit { width: 25rem; max-width: 45vw; overflow: auto; border-right: 1px solid #ccd; background: #f6f7fa;
  padding: .5rem .9rem 2rem; }
.edit summary { font-weight: 600; cursor: pointer; padding: .3rem 0; }
.edit h2 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.edit .intro, .edit .note, .edit .fixed { font-size: .88em; color: #444; }
fieldset { border: 1px solid #ccd; border-radius: 4px; margin: 0 0 .7rem; padding: .4rem .6rem .6rem;
  background: #fff; }
legend { font-weight: 600; padding: 0 .2rem; }
legend code, .problem code { font-size: .85em; color: #555; }
form.target { display: grid; grid-template-columns: auto 1fr; gap: .25rem .5rem; align-items: center;
  margin: .3rem 0 .6rem; }
form.target .series { grid-column: 1 / -1; font-style: italic; }
form.measure fieldset { display: grid; grid-template-columns: 1fr; gap: .2rem; }
input, select, textarea, button { font: inherit; padding: .2rem .35rem; }
button { justify-self: start; grid-column: 1 / -1; background: #1f3a5f; color: #fff; border: 0; border-radius: 3px;
  padding: .3rem .9rem; cursor: pointer; }
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible {
  outline: 3px solid #f2a900; outline-offset: 1px; }
.flash { border-radius: 4px; padding: .3rem .6rem; margin: .4rem 0; }
.flash.ok { background: #e3f4e6; border: 1px solid #6ab27a; }
.flash.refused { background: #fdecea; border: 1px solid #c0392b; }
.error { margin: 2rem auto; max-width: 46rem; padding: 1rem 1.4rem; border: 2px solid #c0392b; border-radius: 6px;
  background: #fff; align-self: flex-start; }
.error h1 { font-size: 1.3rem; margin-top: 0; color: #a12a1c; }
.problem .where span { margin-right: .8rem; }
.problem .what { font-weight: 600; }
`;
