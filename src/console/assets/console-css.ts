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
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
table.stack{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d5dbe1;margin:0 0 1rem;font-size:.95rem}
table.stack th,table.stack td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #eceff2;vertical-align:top}
table.stack td{overflow-wrap:anywhere}
@media (min-width:40rem){table.stack .badge{white-space:nowrap}}
table.stack th{background:#f4f6f8}
table.stack .num{text-align:right;font-variant-numeric:tabular-nums}
table.stack td form{margin:0}
@media (max-width:40rem){table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}table.stack tr{border-bottom:2px solid #d5dbe1;padding:.35rem 0}table.stack td{border:0;padding:.2rem .6rem;display:grid;grid-template-columns:7.5rem minmax(0,1fr);gap:.5rem}table.stack td::before{content:attr(data-label);font-weight:600;color:#3b4450}table.stack .num{text-align:left}}
.filters{display:grid;grid-template-columns:1fr;gap:0 1rem;align-items:end}
@media (min-width:40rem){.filters{grid-template-columns:2fr 1fr 1fr auto}}
.filters .field,.filters button{margin-bottom:.75rem}
@media (min-width:40rem){.filters.two{grid-template-columns:minmax(0,1fr) auto}}
table.stack button{white-space:nowrap}
.progress-box progress{width:100%;height:1.5rem}
.progress-box p{margin:.25rem 0 0}
.bulk-forms{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem;align-items:start;margin:0 0 1rem}
.bulk-forms>*,.filters>*{min-width:0}
.console select{max-width:100%}
@media (min-width:48rem){.bulk-forms{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
.bulk-forms form,.bulk-forms .card{margin:0}
.bulk-forms h3{margin:0 0 .35rem}
input[type=file]{max-width:100%;font:inherit;padding:.4rem 0}
.checkin-code{font-size:1.6rem;letter-spacing:.2em;text-transform:uppercase;max-width:12rem}
.checkin-result{border-left:6px solid #1e7b34;padding:.75rem 1rem}
.checkin-result.refused{border-left-color:#b42318}
.checkin-result.repeat{border-left-color:#b54708}
.checkin-result h2{margin:0 0 .25rem}
.table-actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0 0 .75rem}
.agenda-items{list-style:none;margin:0;padding:0}
.agenda-items>li{display:grid;grid-template-columns:1fr;gap:.1rem 1rem;padding:.6rem 0;border-bottom:1px solid #eceff2}
.agenda-items>li:last-child{border-bottom:0}
@media (min-width:40rem){.agenda-items>li{grid-template-columns:9rem 1fr}}
.agenda-items .time{margin:0;font-weight:700;font-variant-numeric:tabular-nums}
.agenda-items h3{margin:0 0 .2rem;font-size:1.05rem}
.agenda-items .meta{margin:0 0 .2rem;display:flex;flex-wrap:wrap;gap:.25rem .6rem;align-items:center}
.agenda-items .speakers{margin:0 0 .2rem}
.badge.session{background:#e6f0fa;color:#0a3a6b;border-color:#0b5cad}
.badge[class*=" k-"]{background:#f1f3f5;color:#333b45;border-color:#8a94a3}
.row-actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.35rem 0 0}
.button-form{display:inline;margin:0}
.search2{grid-template-columns:1fr}
@media (min-width:40rem){.search2{grid-template-columns:1fr auto}}
fieldset.card{min-width:0}
fieldset.card>legend{font-size:1.1rem;font-weight:700;padding:0 .25rem}
.row-list{margin:0 0 .75rem;padding-left:1.5rem}
.row-list>li{padding:.5rem 0;border-bottom:1px dashed #d5dbe1}
.row-set{border:0;margin:0;padding:0;min-width:0}
.row-set>legend{font-weight:700;padding:0;margin:0 0 .35rem}
.grid-time{display:grid;grid-template-columns:1fr;gap:0 1rem}
@media (min-width:40rem){.grid-time{grid-template-columns:8rem 1fr}}
.table-wrap{overflow-x:auto;max-width:100%;margin:0 0 .5rem}
.table-wrap table{border-collapse:collapse;width:100%;font-size:.95rem}
.table-wrap th,.table-wrap td{border-bottom:1px solid #e1e5ea;padding:.4rem .5rem;text-align:left;vertical-align:top}
.table-wrap th,.table-wrap td{overflow-wrap:normal;word-break:normal;min-width:5.5rem}
.table-wrap th{white-space:nowrap}
.table-wrap .num{min-width:0}
.table-wrap th{background:#f4f6f8}
.table-wrap td.num,.table-wrap th.num{text-align:right;font-variant-numeric:tabular-nums}
.downloads{margin:.75rem 0 .25rem}
a.button.primary-link{background:#0b5cad;color:#fff}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.minutes-form .form-actions{margin-bottom:1rem}
.task-list h2.task{font-size:1.05rem;margin:0 0 .25rem}
.badge.t-open{background:#f1f3f5;color:#333b45;border-color:#8a94a3}
.badge.t-in_progress{background:#e6f0fa;color:#0a3a6b;border-color:#0b5cad}
.badge.t-done{background:#dff3e4;color:#0f4d22;border-color:#1e7b34}
.badge.overdue{background:#fde2e1;color:#7a1a12;border-color:#b42318}
.badge.m-present{background:#dff3e4;color:#0f4d22;border-color:#1e7b34}
.badge.m-late{background:#fff1db;color:#6b3000;border-color:#b54708}
.badge.m-excused{background:#e6f0fa;color:#0a3a6b;border-color:#0b5cad}
.badge.m-absent{background:#fde2e1;color:#7a1a12;border-color:#b42318}
.badge.m-none{background:#f1f3f5;color:#333b45;border-color:#8a94a3}
.inline-mark{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:.35rem 0 0}
.inline-mark .field{margin:0;flex:1 1 12rem}
.cert-list h3,.people h3{margin:0 0 .2rem;font-size:1rem}
`;
