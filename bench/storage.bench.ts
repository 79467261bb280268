// `npm run bench:storage`: the embedded store through the official driver on 100k documents
// (and a real MongoDB as well when MONGODB_URI is set). Prints ops/s and peak RSS.
// Usage: npm run bench:storage [-- --docs 100000]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Collection } from 'mongodb';
import { startEmbeddedServer } from '../storage/embedded/index.js';
import { peakRssMiB, pool, printTable, rate, type Rate } from './measure.js';

const argDocs = process.argv.indexOf('--docs');
const DOCS = argDocs > 0 ? Number(process.argv[argDocs + 1]) : 100_000;
const SINGLE = Math.min(10_000, DOCS);
const LOOKUPS = 20_000;
const SCANS = 50;
const CONCURRENCY = 8;

interface InvoiceDoc {
  tenantId: string;
  number: string;
  customerSorId: string;
  amount: number;
  balance: number;
  status: string;
  dueDate: Date;
  claimedBy: string | null;
}

function invoice(i: number): InvoiceDoc {
  return {
    tenantId: 'default',
    number: `INV-${String(200000 + i)}`,
    customerSorId: `C${1000 + (i % 5000)}`,
    amount: 100 + (i % 977),
    balance: i % 3 === 0 ? 0 : 100 + (i % 977),
    status: i % 3 === 0 ? 'paid' : 'open',
    dueDate: new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000),
    claimedBy: null,
  };
}

async function run(label: string, uri: string): Promise<Rate[]> {
  const client = await new MongoClient(uri, { maxPoolSize: CONCURRENCY + 2 }).connect();
  const db = client.db(`arbot_bench_${Date.now()}`);
  const coll: Collection<InvoiceDoc> = db.collection('invoices');
  await coll.createIndex({ tenantId: 1, number: 1 }, { unique: true });
  // As invoice.repo declares it: the invoices of a customer, by due date.
  await coll.createIndex({ tenantId: 1, customerSorId: 1, dueDate: 1 });
  const rows: Rate[] = [];
  try {
    rows.push(
      await rate(`insertMany (batches of 1000), ${DOCS} docs`, DOCS, async () => {
        for (let i = 0; i < DOCS; i += 1000) {
          await coll.insertMany(Array.from({ length: Math.min(1000, DOCS - i) }, (_, j) => invoice(i + j)));
        }
      }),
    );
    rows.push(
      await rate(`insertOne, ${CONCURRENCY} concurrent clients`, SINGLE, () =>
        pool(SINGLE, CONCURRENCY, async (i) => void (await coll.insertOne(invoice(DOCS + i)))),
      ),
    );
    rows.push(
      await rate(`findOne by unique key, ${CONCURRENCY} concurrent`, LOOKUPS, () =>
        pool(LOOKUPS, CONCURRENCY, async (i) => {
          const doc = await coll.findOne({ tenantId: 'default', number: `INV-${200000 + ((i * 7919) % DOCS)}` });
          if (!doc) throw new Error('lookup missed');
        }),
      ),
    );
    rows.push(
      await rate(`find a customer's invoices ({ tenantId, customerSorId }, index prefix), ${CONCURRENCY} concurrent`, LOOKUPS / 10, () =>
        pool(LOOKUPS / 10, CONCURRENCY, async (i) => {
          const docs = await coll.find({ tenantId: 'default', customerSorId: `C${1000 + ((i * 7919) % 5000)}` }).toArray();
          if (docs.length === 0) throw new Error('customer lookup missed');
        }),
      ),
    );
    rows.push(
      await rate(`find a customer's invoices due in 90 days (index prefix + range), ${CONCURRENCY} concurrent`, LOOKUPS / 10, () =>
        pool(LOOKUPS / 10, CONCURRENCY, async (i) => {
          const from = new Date(Date.UTC(2026, 0, 1) + (i % 200) * 86_400_000);
          await coll.find({ tenantId: 'default', customerSorId: `C${1000 + ((i * 7919) % 5000)}`, dueDate: { $gte: from, $lt: new Date(from.getTime() + 90 * 86_400_000) } }).toArray();
        }),
      ),
    );
    rows.push(
      await rate(`find by unindexed field (full scan of ${DOCS + SINGLE})`, SCANS, async () => {
        for (let i = 0; i < SCANS; i++) await coll.find({ customerSorId: `C${1000 + i}` }).toArray();
      }),
    );
    rows.push(
      await rate(`findOneAndUpdate by unique key, ${CONCURRENCY} concurrent`, LOOKUPS, () =>
        pool(LOOKUPS, CONCURRENCY, async (i) => {
          const res = await coll.findOneAndUpdate(
            { tenantId: 'default', number: `INV-${200000 + ((i * 104729) % DOCS)}` },
            { $set: { claimedBy: `w${i % CONCURRENCY}` } },
            { returnDocument: 'after' },
          );
          if (!res) throw new Error('findOneAndUpdate missed');
        }),
      ),
    );
  } finally {
    await db.dropDatabase();
    await client.close();
  }
  printTable(`${label}`, rows);
  return rows;
}

const dir = await mkdtemp(join(tmpdir(), 'arbot-bench-'));
const server = await startEmbeddedServer({ dataDir: dir });
const embedded = await run('embedded store (through the mongodb driver, fsync on every acknowledged write)', server.uri);
await server.close();
await rm(dir, { recursive: true, force: true });

const single = embedded[1] as Rate;
const batched = embedded[0] as Rate;
console.log(`\nratio insertMany/insertOne per document: ${(batched.perSecond / single.perSecond).toFixed(1)}x`);

if (process.env.MONGODB_URI) {
  const mongo = await run('MongoDB (MONGODB_URI)', process.env.MONGODB_URI);
  const ratios = embedded.map((r, i) => `${r.name}: ${(r.perSecond / (mongo[i]?.perSecond ?? 1)).toFixed(2)}x`);
  console.log('\nembedded / MongoDB:\n' + ratios.join('\n'));
}
console.log(`\npeak RSS: ${peakRssMiB()} MiB (benchmark process: driver and embedded server together)`);
