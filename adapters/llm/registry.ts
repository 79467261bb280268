// The intent models arbot can run, by name. Adding a model is one entry here.
import type { ArbotConfig } from '../../app/config/schema.js';
import type { IntentModel } from '../../core/pipeline/understanding.js';

export const INTENT_MODELS = ['offline', 'openai'] as const;
export type IntentModelName = (typeof INTENT_MODELS)[number];

const factories: Record<IntentModelName, (config: ArbotConfig) => Promise<IntentModel>> = {
  async offline() {
    const { loadOfflineModel } = await import('./offline/load-model.js');
    return loadOfflineModel();
  },
  async openai(config) {
    const { createOpenAIClient, OpenAIIntentModel } = await import('./openai/index.js');
    return new OpenAIIntentModel(createOpenAIClient(config.openai), { model: config.openai.model, timeoutMs: config.openai.timeoutMs });
  },
};

/** Builds the named model; modules load lazily so the offline default never loads the OpenAI SDK. */
export function createIntentModel(name: IntentModelName, config: ArbotConfig): Promise<IntentModel> {
  return factories[name](config);
}
