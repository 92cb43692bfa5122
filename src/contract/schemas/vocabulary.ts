/** The allowed words of every enumeration in the data contract (docs/data-format.md). */
export const AUTHORITY_TYPES = [
  "police",
  "prosecutor",
  "court",
  "intelligence",
  "regulator",
  "tax_customs",
  "other",
] as const;
export const ROUTES = ["domestic", "mlat", "direct_foreign"] as const;
export const LEGAL_PROCESSES = [
  "court_order",
  "warrant",
  "subpoena",
  "emergency",
  "preservation",
  "interception",
  "informal",
  "other",
] as const;
export const DATA_KINDS = ["subscriber", "metadata", "content", "realtime", "account_action"] as const;
export const OUTCOMES = ["disclosed", "partially_disclosed", "no_data", "rejected", "pending", "withdrawn"] as const;
export const REJECTION_REASONS = [
  "no_legal_basis",
  "wrong_jurisdiction",
  "formal_defect",
  "insecure_channel",
  "overbroad",
  "other",
] as const;

export const BLOCKING_STATUSES = ["ongoing", "lifted", "partial", "unknown"] as const;
export const BLOCKING_TARGETS = [
  "smtp",
  "imap",
  "pop3",
  "webmail",
  "website",
  "api",
  "vpn",
  "app",
  "dns",
  "other",
] as const;
export const BLOCKING_METHODS = ["dns", "ip", "tcp_reset", "sni", "http", "throttling", "unknown"] as const;
export const CONFIDENCE_LEVELS = ["reported", "measured", "confirmed"] as const;

export const INCIDENT_CATEGORIES = ["abuse", "security", "outage", "legal", "account_action", "other"] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
