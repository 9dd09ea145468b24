/**
 * Database engines (reference §2.7): ALPN protocol, usual port, whether the URI must carry a port,
 * and whether the Database Service's connection to the database honours HTTPS_PROXY.
 */
import type { DatabaseEngineName } from '../schema/index.ts';
import type { SourceKey } from './sources.ts';

/** One database engine. */
export interface DatabaseEngineSpec {
  label: string;
  /** ALPN protocol ID on the Proxy web port. */
  alpn: string;
  /** Port assumed when the plan gives none. */
  defaultPort: number;
  /** Without a port in the URI the engine cannot work (L-A8). */
  portRequired: boolean;
  /** What a URI without a port leads to, when the engine requires one (default: Teleport refuses it at startup). */
  portMissing?: string;
  /** Where the default port comes from, in plain words. */
  portOrigin: string;
  /**
   * The Database Service's connection to the database: `https` when its client is built on
   * `defaults.Transport()` (HTTPS_PROXY unless NO_PROXY matches), `never` for drivers that dial directly.
   */
  forwardProxy: 'https' | 'never';
  sources: readonly SourceKey[];
}

// Most engines' drivers dial TCP directly (pgconn, go-mysql, mongo-driver, go-redis, gocql, tls.Dial).
// SQL Server, Oracle and Spanner were not read in Teleport's source: taken as direct.
const direct = 'never' as const;

/** Database engines by plan name. */
export const DATABASE_ENGINES: Readonly<Record<DatabaseEngineName, DatabaseEngineSpec>> = {
  postgres: { label: 'PostgreSQL', alpn: 'teleport-postgres', defaultPort: 5432, portRequired: true, portOrigin: 'RDSProxyPostgresPort', forwardProxy: direct, sources: ['S17', 'S13'] },
  cockroachdb: { label: 'CockroachDB', alpn: 'teleport-postgres', defaultPort: 26257, portRequired: true, portOrigin: 'vendor default, not in Teleport source', forwardProxy: direct, sources: ['S17', 'S13'] },
  mysql: { label: 'MySQL', alpn: 'teleport-mysql', defaultPort: 3306, portRequired: true, portOrigin: 'RDSProxyMySQLPort', forwardProxy: direct, sources: ['S17', 'S13'] },
  // A mongodb:// or mongodb+srv:// URI needs no port (validateMongoDB in lib/services/database.go; SRV never has one).
  mongodb: { label: 'MongoDB', alpn: 'teleport-mongodb', defaultPort: 27017, portRequired: false, portOrigin: 'MongoDB default; a mongodb+srv:// URI takes its ports from DNS', forwardProxy: direct, sources: ['S17', 'S13'] },
  redis: { label: 'Redis', alpn: 'teleport-redis', defaultPort: 6379, portRequired: false, portOrigin: 'ParseRedisAddress default', forwardProxy: direct, sources: ['S18', 'S13'] },
  sqlserver: { label: 'SQL Server', alpn: 'teleport-sqlserver', defaultPort: 1433, portRequired: true, portOrigin: 'RDSProxySQLServerPort', forwardProxy: direct, sources: ['S17', 'S13'] },
  oracle: { label: 'Oracle', alpn: 'teleport-oracle', defaultPort: 2484, portRequired: true, portOrigin: 'docs example (TCPS)', forwardProxy: direct, sources: ['D22', 'S13'] },
  // A bare http.Transport too (getDefaultHTTPClient in lib/srv/db/snowflake/engine.go).
  snowflake: { label: 'Snowflake', alpn: 'teleport-snowflake', defaultPort: 443, portRequired: false, portOrigin: 'HTTPS endpoint', forwardProxy: direct, sources: ['S17', 'S13'] },
  cassandra: { label: 'Cassandra', alpn: 'teleport-cassandra', defaultPort: 9042, portRequired: true, portOrigin: 'vendor default', forwardProxy: direct, sources: ['S17', 'S13'] },
  // A bare http.Transport (Proxy nil), with a TODO to honour the proxy variables one day.
  elasticsearch: { label: 'Elasticsearch', alpn: 'teleport-elasticsearch', defaultPort: 9200, portRequired: true, portOrigin: 'vendor default', forwardProxy: direct, sources: ['S17', 'S13', 'S41'] },
  opensearch: { label: 'OpenSearch', alpn: 'teleport-opensearch', defaultPort: 443, portRequired: true, portOrigin: 'AWS endpoint', forwardProxy: 'https', sources: ['S17', 'S13', 'S39'] },
  dynamodb: { label: 'DynamoDB', alpn: 'teleport-dynamodb', defaultPort: 443, portRequired: false, portOrigin: 'AWS endpoint', forwardProxy: 'https', sources: ['S17', 'S13', 'S40'] },
  // validateClickhouseURI checks the scheme only: a native URI without a port passes, then every dial fails.
  clickhouse: {
    label: 'ClickHouse (native)', alpn: 'teleport-clickhouse', defaultPort: 8443, portRequired: true, portOrigin: 'docs example', forwardProxy: direct, sources: ['D22', 'S17', 'S13', 'S42'],
    portMissing: 'Teleport accepts such a URI but adds no port, so every connection fails ("missing port in address")',
  },
  // https:// is forced (getURL), so Go's transport dials 443 when the URI has no port.
  'clickhouse-http': { label: 'ClickHouse (HTTP)', alpn: 'teleport-clickhouse', defaultPort: 443, portRequired: false, portOrigin: 'https:// without a port', forwardProxy: 'https', sources: ['D22', 'S17', 'S13', 'S38'] },
  spanner: { label: 'Spanner', alpn: 'teleport-spanner', defaultPort: 443, portRequired: false, portOrigin: 'Spanner endpoint', forwardProxy: direct, sources: ['S17', 'S13'] },
};
