// n8n-core's error reporter logs every node error through n8n's logger; the tests read the
// errors from the run itself, so the log would only bury jest's own report.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'silent';
