/** The pages' one stylesheet (served at /assets/site.css): mobile first, AA contrast, visible focus. */
export const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1b1f24;background:#f4f6f8;overflow-wrap:anywhere}
a{color:#0b4f94}
a:hover{color:#083a6d}
:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
header.site{background:#8b1a1a;color:#fff}
header.site .wrap{padding-top:.6rem;padding-bottom:.6rem}
.brand{font-weight:700;letter-spacing:.01em}
.wrap{max-width:52rem;margin:0 auto;padding:1rem}
.wrap.wide{max-width:none}
main:focus{outline:none}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:0 0 .75rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.card{background:#fff;border:1px solid #d5dbe1;border-radius:8px;padding:1rem;margin:0 0 1rem}
.card.narrow{max-width:26rem;margin:1rem auto}
.muted{color:#4a5563}
.small{font-size:.875rem}
.facts{margin:0}
.facts .row{padding:.35rem 0;border-bottom:1px solid #eceff2}
.facts .row:last-child{border-bottom:0}
.facts dt{font-weight:600;color:#3b4450}
.facts dd{margin:0}
@media (min-width:40rem){.facts .row{display:grid;grid-template-columns:11rem 1fr;gap:1rem}}
.agenda{list-style:none;padding:0;margin:0}
.agenda li{padding:.3rem 0;border-bottom:1px dashed #e1e5ea}
.agenda li.day{font-weight:700;border-bottom:0;padding-top:.75rem}
.agenda .time{font-variant-numeric:tabular-nums;font-weight:600;white-space:nowrap}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:999px;font-size:.875rem;font-weight:600;border:1px solid}
.badge.c-pending,.badge.n-untested,.badge.a-invited,.badge.a-registered,.badge.a-waitlisted{background:#f1f3f5;color:#333b45;border-color:#8a94a3}
.badge.c-confirmed,.badge.n-ok,.badge.a-accepted,.badge.a-attended{background:#dff3e4;color:#0f4d22;border-color:#1e7b34}
.badge.c-declined,.badge.n-failed,.badge.a-declined,.badge.a-cancelled{background:#fde2e1;color:#7a1a12;border-color:#b42318}
.badge.n-degraded{background:#fff1db;color:#6b3000;border-color:#b54708}
.field{margin:0 0 1rem;border:0;padding:0;min-width:0}
fieldset.field{margin:0 0 1rem}
label,legend{display:block;font-weight:600;margin:0 0 .25rem}
label.radio{font-weight:400;display:flex;gap:.5rem;align-items:flex-start;padding:.35rem 0}
label.radio input{margin-top:.3rem;width:1.1rem;height:1.1rem;flex:none}
.req{color:#b42318}
.hint{margin:0 0 .3rem;color:#4a5563;font-size:.9rem}
input[type=text],input[type=email],input[type=tel],input[type=password],input[type=search],input:not([type]),textarea,select{display:block;width:100%;max-width:100%;font:inherit;color:inherit;padding:.55rem .65rem;border:1px solid #6b7480;border-radius:6px;background:#fff}
textarea{resize:vertical}
.has-error input,.has-error textarea,.has-error select{border:2px solid #b42318}
.error{color:#b42318;font-weight:600;margin:.3rem 0 0}
.error:empty{display:none}
button,.button{display:inline-block;font:inherit;font-weight:600;padding:.6rem 1rem;border-radius:6px;border:2px solid #0b5cad;background:#fff;color:#0b4f94;cursor:pointer;text-decoration:none;text-align:center;min-height:2.75rem}
button.primary{background:#0b5cad;color:#fff}
button.danger{background:#b42318;border-color:#b42318;color:#fff}
button:disabled{background:#e9ecef;border-color:#8a94a3;color:#3b4450;cursor:default}
button:hover:not(:disabled),.button:hover{filter:brightness(.92)}
form.inline{margin:0 0 1rem}
details{border-top:1px solid #e1e5ea;padding:.5rem 0}
summary{cursor:pointer;font-weight:600;color:#0b4f94;padding:.35rem 0}
.alert{border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem;border:1px solid}
.alert.ok{background:#dff3e4;border-color:#1e7b34;color:#0f4d22}
.alert.info{background:#e6f0fa;border-color:#0b5cad;color:#0a3a6b}
.alert.error,.error-summary{background:#fde2e1;border-color:#b42318;color:#6b1510}
.error-summary ul{margin:.25rem 0 0;padding-left:1.25rem}
.error-summary a{color:#6b1510}
.actions{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.5rem}
.code-box{text-align:center;border:2px dashed #8a94a3;border-radius:8px;padding:1rem;margin-top:1rem}
.code{font-size:2rem;font-weight:700;letter-spacing:.2em;font-family:ui-monospace,Menlo,Consolas,monospace;margin:.25rem 0}
svg.qr{width:11rem;height:11rem;max-width:100%}
.screen-code{text-align:center}
.screen-lead{font-size:1.25rem;margin:.5rem 0}
.screen-qr{display:block;margin:0 auto;width:min(70vh,100%);height:auto;aspect-ratio:1}
.code.big{font-size:clamp(2.5rem,12vw,6rem);letter-spacing:.15em}
.screen-closed{font-size:1.25rem}
code.wrap-anywhere{word-break:break-all}
.message h1{margin-top:0}
.board-head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1rem;align-items:flex-start}
.board-tools{display:flex;gap:.75rem;align-items:center}
.live{margin:0;font-weight:600;color:#0f4d22}
.live.off{color:#7a1a12}
.counts{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem;margin:0 0 1rem}
.count{background:#fff;border:1px solid #d5dbe1;border-radius:6px;padding:.4rem .6rem}
.count b{display:block;font-size:1.4rem;font-variant-numeric:tabular-nums}
.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:0 .75rem}
.legend{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.4rem}
.region{margin:0 0 1rem}
.region>h2{font-size:1.1rem;margin:.5rem 0}
.region h3{font-size:.95rem;margin:.5rem 0 .25rem}
.tiles{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px}
.t{display:inline-block;font-size:.8rem;line-height:1.3;padding:.15rem .4rem;border:1px solid #8a94a3;border-left-width:6px;border-radius:3px;max-width:15rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;background:#f1f3f5;color:#1b1f24}
.t.c-c{background:#dff3e4;color:#0f3d1c;border-color:#1e7b34}
.t.c-d{background:#fde2e1;color:#6b1510;border-color:#b42318;text-decoration:line-through}
.t.n-u{border-left-color:#8a94a3}
.t.n-o{border-left-color:#1e7b34}
.t.n-g{border-left-color:#b54708;border-left-style:double}
.t.n-f{border-left-color:#b42318;border-left-style:dashed}
.t.n-f::before{content:"⚠ "}
.t.flash{box-shadow:0 0 0 3px #0b5cad}
.t{cursor:pointer}
.t:focus{outline:3px solid #0b5cad;outline-offset:1px}
.t[data-fig]::after{content:" " attr(data-fig);font-variant-numeric:tabular-nums;opacity:.75}
.details{position:fixed;right:1rem;bottom:1rem;max-width:28rem;width:calc(100% - 2rem);z-index:10;box-shadow:0 4px 16px rgba(0,0,0,.25)}
[hidden]{display:none!important}
`;
