// End to end, the baseline: the same Daily listing as list_records.cpp, with
// Twilio's official Node library (bench/package.json pins the version),
// pointed at the emulator through client.api.baseUrl. Prints one line in the
// same format as list-records:
//
//   node bench/list_records.mjs BASE_URL START END LIMIT [PAGE_SIZE]
//   node records=100000 pages=100 seconds=... records_per_s=... max_rss_kb=... check=...
//
// Credentials come from TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN. Peak RSS is
// this process's own (process.resourceUsage().maxRSS, kilobytes).
//
// The issue names client.usage.records.list(); that is the root Records
// resource, one record per category over the whole range (646 records at
// most). The Daily subresource is the one that gives one record per category
// per day, so this lists client.usage.records.daily, exactly like our side.
import twilio from "twilio";

const [baseUrl, start, end, limitText, pageSizeText] = process.argv.slice(2);
const limit = Number(limitText);
const pageSize = Number(pageSizeText ?? "1000");
if (!baseUrl || !start || !end || !(limit > 0) || !(pageSize > 0)) {
  console.error("usage: node list_records.mjs BASE_URL START END LIMIT [PAGE_SIZE]");
  process.exit(2);
}

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
client.api.baseUrl = baseUrl;

// Count the requests the library makes (one per page).
let pages = 0;
const request = client.request.bind(client);
client.request = (opts) => {
  pages += 1;
  return request(opts);
};

const t0 = process.hrtime.bigint();
const records = await client.usage.records.daily.list({
  startDate: start,
  endDate: end,
  pageSize,
  limit,
});
let check = 0;
for (const r of records) {
  // Touch what a user would: the category, the day, the price.
  check += r.category ? r.category.length : 0;
  check += r.startDate ? r.startDate.getUTCDate() : 0;
  check += r.price != null ? String(r.price).replace(/[-.]/g, "").replace(/^0+(?=\d)/, "").length : 0;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const maxRssKb = process.resourceUsage().maxRSS;
console.log(
  `node records=${records.length} pages=${pages} seconds=${seconds.toFixed(4)} ` +
    `records_per_s=${Math.round(records.length / seconds)} max_rss_kb=${maxRssKb} check=${check}`,
);
process.exit(records.length === limit ? 0 : 1);
