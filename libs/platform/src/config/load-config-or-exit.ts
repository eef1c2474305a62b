import { ConfigError, loadConfig, type AppConfig } from './app-config.js';

/** For process entry points: the configuration, or a clear message and exit code 2. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
