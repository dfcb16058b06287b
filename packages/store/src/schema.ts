/**
 * Table shapes as Kysely sees them. Names are camelCase here and snake_case in the database
 * (Kysely's CamelCasePlugin translates). Times are Unix milliseconds in 64-bit integers; flags are
 * 0/1 integers; lists and maps are JSON text. The same shapes hold on SQLite and PostgreSQL.
 */
export interface Database {
  tenants: { id: string; slug: string; name: string; operator: number; createdAt: number };
  administrators: {
    id: string;
    tenantId: string;
    email: string;
    displayName: string;
    passwordHash: string;
    roleId: string;
    disabled: number;
    lastLoginAt: number | null;
    createdAt: number;
    updatedAt: number;
  };
  roles: {
    id: string;
    tenantId: string;
    name: string;
    description: string;
    permissions: string;
    createdAt: number;
    updatedAt: number;
  };
  sessions: {
    id: string;
    tenantId: string;
    adminId: string;
    tokenHash: string;
    createdAt: number;
    expiresAt: number;
    lastUsedAt: number;
    ip: string | null;
  };
  apiTokens: {
    id: string;
    tenantId: string;
    adminId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    createdAt: number;
    expiresAt: number | null;
    lastUsedAt: number | null;
    revokedAt: number | null;
  };
  users: {
    id: string;
    tenantId: string;
    email: string;
    displayName: string;
    givenName: string | null;
    familyName: string | null;
    source: string;
    externalId: string | null;
    searchText: string;
    createdAt: number;
    updatedAt: number;
  };
  groups: {
    id: string;
    tenantId: string;
    name: string;
    description: string;
    source: string;
    externalId: string | null;
    createdAt: number;
    updatedAt: number;
  };
  groupMembers: {
    tenantId: string;
    groupId: string;
    memberType: string;
    memberId: string;
    addedAt: number;
  };
  devices: {
    id: string;
    tenantId: string;
    name: string;
    platform: string;
    ownership: string;
    model: string | null;
    manufacturer: string | null;
    osVersion: string | null;
    serialNumber: string | null;
    imei: string | null;
    state: string;
    ownerUserId: string | null;
    /** 0 when never: keyset paging on these columns needs them never null. */
    enrolledAt: number;
    lastSeenAt: number;
    searchText: string;
    createdAt: number;
    updatedAt: number;
  };
  activations: {
    id: string;
    tenantId: string;
    userId: string;
    /** The sealed SPAKE2+ verifier record; never the password. */
    verifier: string;
    expiresAt: number;
    maxUses: number | null;
    useCount: number;
    failedAttempts: number;
    lockedAt: number | null;
    revokedAt: number | null;
    deviceLimit: number;
    platforms: string;
    createdBy: string;
    createdAt: number;
  };
  auditEvents: {
    id: string;
    tenantId: string;
    at: number;
    actorType: string;
    actorId: string;
    actorLabel: string;
    action: string;
    targetType: string | null;
    targetId: string | null;
    targetLabel: string | null;
    ip: string | null;
    details: string | null;
  };
  settings: { tenantId: string; key: string; value: string; updatedAt: number };
  deviceInventories: {
    tenantId: string;
    deviceId: string;
    collectedAt: number;
    receivedAt: number;
    hardware: string;
    os: string;
    security: string;
  };
  deviceApps: {
    tenantId: string;
    deviceId: string;
    packageName: string;
    name: string | null;
    version: string | null;
    installSource: string | null;
    managed: number;
  };
  devicePush: {
    tenantId: string;
    deviceId: string;
    service: string;
    token: string;
    pushMagic: string | null;
    updatedAt: number;
    invalidAt: number | null;
    invalidReason: string | null;
    lastPushedAt: number | null;
  };
  deviceCompliance: {
    tenantId: string;
    deviceId: string;
    reportedAt: number;
    configurationVersion: number;
    compliant: number;
    violations: string;
  };
  deviceCertificates: {
    tenantId: string;
    serialNumber: string;
    deviceId: string;
    issuedAt: number;
    notAfter: number;
    revokedAt: number | null;
  };
  appleEnrollments: {
    tenantId: string;
    deviceId: string;
    udid: string | null;
    topic: string | null;
    enabled: number;
    awaitingConfiguration: number;
    unlockToken: string | null;
    bootstrapToken: string | null;
    tokenUpdates: number;
    challengeHash: string | null;
    challengeExpiresAt: number | null;
    createdAt: number;
    authenticatedAt: number | null;
    enabledAt: number | null;
    checkedOutAt: number | null;
  };
  profiles: {
    tenantId: string;
    id: string;
    name: string;
    identifier: string;
    description: string | null;
    sha256: string;
    sizeBytes: number;
    payload: Uint8Array;
    createdBy: string;
    createdAt: number;
  };
  commands: {
    id: string;
    tenantId: string;
    deviceId: string;
    type: string;
    payload: string;
    state: string;
    priority: number;
    batchId: string | null;
    createdBy: string;
    createdAt: number;
    expiresAt: number;
    deliveredAt: number | null;
    retryAt: number | null;
    completedAt: number | null;
    attempts: number;
    result: string | null;
    error: string | null;
  };
}
