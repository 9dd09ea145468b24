/**
 * Database engines (reference §2.7): ALPN protocol, usual port and whether the URI must carry a port.
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
  /** Teleport refuses a URI without a port (L-A8). */
  portRequired: boolean;
  /** Where the default port comes from, in plain words. */
  portOrigin: string;
  sources: readonly SourceKey[];
}

/** Database engines by plan name. */
export const DATABASE_ENGINES: Readonly<Record<DatabaseEngineName, DatabaseEngineSpec>> = {
  postgres: { label: 'PostgreSQL', alpn: 'teleport-postgres', defaultPort: 5432, portRequired: true, portOrigin: 'RDSProxyPostgresPort', sources: ['S17', 'S13'] },
  cockroachdb: { label: 'CockroachDB', alpn: 'teleport-postgres', defaultPort: 26257, portRequired: true, portOrigin: 'vendor default, not in Teleport source', sources: ['S17', 'S13'] },
  mysql: { label: 'MySQL', alpn: 'teleport-mysql', defaultPort: 3306, portRequired: true, portOrigin: 'RDSProxyMySQLPort', sources: ['S17', 'S13'] },
  // A mongodb:// or mongodb+srv:// URI needs no port (validateMongoDB in lib/services/database.go; SRV never has one).
  mongodb: { label: 'MongoDB', alpn: 'teleport-mongodb', defaultPort: 27017, portRequired: false, portOrigin: 'MongoDB default; a mongodb+srv:// URI takes its ports from DNS', sources: ['S17', 'S13'] },
  redis: { label: 'Redis', alpn: 'teleport-redis', defaultPort: 6379, portRequired: false, portOrigin: 'ParseRedisAddress default', sources: ['S18', 'S13'] },
  sqlserver: { label: 'SQL Server', alpn: 'teleport-sqlserver', defaultPort: 1433, portRequired: true, portOrigin: 'RDSProxySQLServerPort', sources: ['S17', 'S13'] },
  oracle: { label: 'Oracle', alpn: 'teleport-oracle', defaultPort: 2484, portRequired: true, portOrigin: 'docs example (TCPS)', sources: ['D22', 'S13'] },
  snowflake: { label: 'Snowflake', alpn: 'teleport-snowflake', defaultPort: 443, portRequired: false, portOrigin: 'HTTPS endpoint', sources: ['S17', 'S13'] },
  cassandra: { label: 'Cassandra', alpn: 'teleport-cassandra', defaultPort: 9042, portRequired: true, portOrigin: 'vendor default', sources: ['S17', 'S13'] },
  elasticsearch: { label: 'Elasticsearch', alpn: 'teleport-elasticsearch', defaultPort: 9200, portRequired: true, portOrigin: 'vendor default', sources: ['S17', 'S13'] },
  opensearch: { label: 'OpenSearch', alpn: 'teleport-opensearch', defaultPort: 443, portRequired: true, portOrigin: 'AWS endpoint', sources: ['S17', 'S13'] },
  dynamodb: { label: 'DynamoDB', alpn: 'teleport-dynamodb', defaultPort: 443, portRequired: false, portOrigin: 'AWS endpoint', sources: ['S17', 'S13'] },
  clickhouse: { label: 'ClickHouse (native)', alpn: 'teleport-clickhouse', defaultPort: 8443, portRequired: true, portOrigin: 'docs example', sources: ['D22', 'S17', 'S13'] },
  'clickhouse-http': { label: 'ClickHouse (HTTP)', alpn: 'teleport-clickhouse', defaultPort: 8443, portRequired: true, portOrigin: 'docs example', sources: ['D22', 'S17', 'S13'] },
  spanner: { label: 'Spanner', alpn: 'teleport-spanner', defaultPort: 443, portRequired: false, portOrigin: 'Spanner endpoint', sources: ['S17', 'S13'] },
};
