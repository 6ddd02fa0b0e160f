/** The console's additions to site.css (served at /assets/console.css): header, lists, actions. */
export const CONSOLE_CSS = `
.console-head{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;justify-content:space-between;max-width:64rem}
.console .wrap{max-width:64rem}
.console-head .brand{color:#fff;text-decoration:none}
.console-head .brand:hover{text-decoration:underline;color:#fff}
.console-head :focus-visible{outline-color:#fff}
.account{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;font-size:.95rem}
.account .role{opacity:.9}
.signout{margin:0}
.link-button{min-height:2.75rem;padding:.4rem .75rem;border:2px solid #fff;background:transparent;color:#fff;border-radius:6px}
.trail ol{list-style:none;margin:0 0 .5rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem;font-size:.95rem}
.trail li+li::before{content:"›";margin-right:.25rem;color:#4a5563}
.page-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;margin:0 0 .5rem}
.page-head h1{margin:.25rem 0}
.search{display:grid;grid-template-columns:1fr;gap:0 1rem;align-items:end}
@media (min-width:40rem){.search{grid-template-columns:2fr 1fr auto}}
.search .field{margin-bottom:.75rem}
.search button{margin-bottom:.75rem}
.results{list-style:none;margin:0;padding:0}
.results li{background:#fff;border:1px solid #d5dbe1;border-radius:8px;padding:.75rem 1rem;margin:0 0 .5rem}
.results h2{font-size:1.05rem;margin:0 0 .25rem}
.results .meta{margin:0;color:#3b4450;font-size:.95rem;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.badge.s-draft{background:#f1f3f5;color:#333b45;border-color:#8a94a3}
.badge.s-published{background:#e6f0fa;color:#0a3a6b;border-color:#0b5cad}
.badge.s-ongoing{background:#fff1db;color:#6b3000;border-color:#b54708}
.badge.s-completed{background:#dff3e4;color:#0f4d22;border-color:#1e7b34}
.badge.s-cancelled{background:#fde2e1;color:#7a1a12;border-color:#b42318}
.pager{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1rem 0}
.grid2{display:grid;grid-template-columns:1fr;gap:0 1rem}
@media (min-width:40rem){.grid2{grid-template-columns:1fr 1fr}}
.form-actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:.5rem}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem;margin:0 0 1rem;padding:0;list-style:none}
.stats li{background:#fff;border:1px solid #d5dbe1;border-radius:6px;padding:.5rem .75rem}
.stats b{display:block;font-size:1.4rem;font-variant-numeric:tabular-nums}
.sections{list-style:none;margin:0;padding:0}
.sections li{padding:.4rem 0;border-bottom:1px solid #eceff2}
.sections li:last-child{border-bottom:0}
.action-forms{display:grid;grid-template-columns:1fr;gap:1rem;align-items:start;margin:0 0 1rem}
.action-forms h3,.results h3{margin:0 0 .35rem}
.results h3{font-size:1rem}
.console .alert p{margin:0}
.console .alert p+ul{margin-top:.25rem}
@media (min-width:48rem){.action-forms{grid-template-columns:1fr 1fr}}
.action-forms form{margin:0}
.action-forms .card{margin:0}
label.check{font-weight:400;display:flex;gap:.5rem;align-items:flex-start;margin:0 0 .75rem}
label.check input{margin-top:.3rem;width:1.1rem;height:1.1rem;flex:none}
`;
