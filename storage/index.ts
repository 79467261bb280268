// The storage layer's public surface: open a database, its repositories, and the errors callers map.
export { openStorage, type OpenStorageOptions, type StorageHandle } from './open-storage.js';
export { migrate, migrations, type Migration, type MigrationReport } from './migrations.js';
export { createRepositories, allIndexes, type Repositories } from './repositories/index.js';
export { StorageError, isDuplicateKeyError, type StorageErrorCode } from './errors.js';
