// The OpenAI model, when ARBOT_INTENT_MODEL=openai: the key is set and the server answers a
// models list within the timeout with the configured key.
import { errorText, fail, isLocalUrl, ok, skip, type CheckResult, type DoctorContext } from './check.js';

const NAME = 'OpenAI';

export async function checkOpenAI(ctx: DoctorContext): Promise<CheckResult[]> {
  const { config } = ctx;
  if (config.pipeline.model !== 'openai') return [skip(NAME, 'not used (ARBOT_INTENT_MODEL=offline)')];
  if (!config.openai.apiKey) return [fail(NAME, 'ARBOT_INTENT_MODEL=openai but OPENAI_API_KEY is not set', 'set OPENAI_API_KEY, or ARBOT_INTENT_MODEL=offline')];
  const server = config.openai.baseUrl ?? 'https://api.openai.com/v1';
  if (ctx.offline && !isLocalUrl(server)) return [skip(NAME, `OPENAI_API_KEY set; ${server} not checked: offline`)];
  const { createOpenAIClient } = await import('../../adapters/llm/openai/index.js');
  try {
    const client = createOpenAIClient({ ...config.openai, timeoutMs: ctx.timeoutMs, maxRetries: 0 });
    const page = await client.models.list();
    const ids = page.data.map((m) => m.id);
    const has = ids.length === 0 || ids.includes(config.openai.model) ? '' : ` (OPENAI_MODEL ${config.openai.model} is not among the ${ids.length} listed: check the name or deployment)`;
    return [ok(NAME, `${server} answers with the key${has}`)];
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    const fix = status === 401 || status === 403 ? 'check OPENAI_API_KEY (revoked? another project?)' : 'check OPENAI_BASE_URL and that this machine may reach it';
    return [fail(NAME, `${server}: ${errorText(err)}`, fix)];
  }
}
