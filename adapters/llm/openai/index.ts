// The OpenAI adapter's public surface: build the client at the edge, then hand it to the model.
export { createOpenAIClient, type OpenAIClientConfig } from './openai-client.js';
export { OpenAIIntentModel, type OpenAIIntentModelOptions } from './openai.intent-model.js';
export { IntentModelError, type IntentModelErrorCode } from './intent-model-error.js';
