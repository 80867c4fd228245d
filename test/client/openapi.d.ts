// Generated from /openapi.json by `npm run openapi:types` (scripts/openapi.mjs). Do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness and database reachability
         * @description Public. 200 while this instance can reach its database, 503 otherwise.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller: actor, mode and role
         * @description In open mode the actor comes from X-Actor; with tokens, from the token. Needs the viewer role (when API tokens are in use).
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks, newest first
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task
         * @description Needs the contributor role (when API tokens are in use).
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task, or with ?asOf= the task as it was then
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["getTask"];
        put?: never;
        post?: never;
        /**
         * Delete a task (needs If-Match or ?version=)
         * @description Needs the maintainer role (when API tokens are in use).
         */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /**
         * Change a task (needs If-Match or version)
         * @description Needs the contributor role (when API tokens are in use).
         */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/tasks/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the versions of a task, live or deleted, newest first
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["listTaskVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/versions/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task as it was at one version
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["getTaskVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a version of a task (If-Match), or undelete it (no If-Match)
         * @description Needs the contributor role (when API tokens are in use). Undeleting (no If-Match) needs the maintainer role.
         */
        post: operations["restoreTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bugs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List bugs, newest first
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["listBugs"];
        put?: never;
        /**
         * Create a bug
         * @description Needs the contributor role (when API tokens are in use).
         */
        post: operations["createBug"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bugs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a bug, or with ?asOf= the bug as it was then
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["getBug"];
        put?: never;
        post?: never;
        /**
         * Delete a bug (needs If-Match or ?version=)
         * @description Needs the maintainer role (when API tokens are in use).
         */
        delete: operations["deleteBug"];
        options?: never;
        head?: never;
        /**
         * Change a bug (needs If-Match or version)
         * @description Needs the contributor role (when API tokens are in use).
         */
        patch: operations["updateBug"];
        trace?: never;
    };
    "/bugs/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the versions of a bug, live or deleted, newest first
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["listBugVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bugs/{id}/versions/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a bug as it was at one version
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["getBugVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bugs/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a version of a bug (If-Match), or undelete it (no If-Match)
         * @description Needs the contributor role (when API tokens are in use). Undeleting (no If-Match) needs the maintainer role.
         */
        post: operations["restoreBug"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status-updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List status updates, newest first
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["listStatusUpdates"];
        put?: never;
        /**
         * Post a status update (immutable once written)
         * @description Needs the contributor role (when API tokens are in use).
         */
        post: operations["createStatusUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status-updates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a status update
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["getStatusUpdate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List design notes, oldest first unless order=desc
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["listDesignNotes"];
        put?: never;
        /**
         * Write a design note; with `supersedes`, also marks the older note superseded
         * @description Needs the maintainer role (when API tokens are in use).
         */
        post: operations["createDesignNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/design-notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a design note
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["getDesignNote"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Move a design note along its lifecycle (needs If-Match or version): proposed → accepted | rejected, accepted → deprecated; anything else is 409 INVALID_TRANSITION
         * @description Needs the maintainer role (when API tokens are in use).
         */
        patch: operations["updateDesignNote"];
        trace?: never;
    };
    "/audit-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit entries, newest (highest seq) first
         * @description Needs the maintainer role (when API tokens are in use).
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-entries/head": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest entry of the hash chain (seq, hash, at): a checkpoint to keep elsewhere
         * @description Needs the maintainer role (when API tokens are in use).
         */
        get: operations["getAuditHead"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an audit entry
         * @description Needs the maintainer role (when API tokens are in use).
         */
        get: operations["getAuditEntry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks, oldest first
         * @description Needs the admin role (when API tokens are in use).
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook; the answer holds its signing secret, shown only now
         * @description Needs the admin role (when API tokens are in use).
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook
         * @description Needs the admin role (when API tokens are in use).
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook and its delivery log
         * @description Needs the admin role (when API tokens are in use).
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change a webhook; `active: true` resumes delivery where it stopped
         * @description Needs the admin role (when API tokens are in use).
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret; the answer holds the new one, shown only now
         * @description Needs the admin role (when API tokens are in use).
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a webhook's delivery attempts, newest first
         * @description Needs the admin role (when API tokens are in use).
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery's event again now, outside the schedule; answers the new attempt
         * @description Needs the admin role (when API tokens are in use).
         */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search titles, rationale, repro steps, messages and design-note bodies (with stemming)
         * @description Needs the viewer role (when API tokens are in use).
         */
        get: operations["listSearchHits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow every change: one Server-Sent Event per audit entry, in seq order
         * @description Resume with the `Last-Event-ID` header or `?after=` (strictly after); with neither the stream starts at the head. Each event is `id: <seq>`, `event: <entity>.<action>`, `data: <entry JSON>` (without `diff` below the maintainer role); a `: ping` comment comes at least every 15 s. Needs the viewer role (when API tokens are in use).
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            errors?: {
                path: string;
                message: string;
            }[];
            currentVersion?: number;
            supersededBy?: string;
            currentStatus?: string;
            allowedStatuses?: string[];
            oldestKeptSeq?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        persistence: string;
                        schemaVersion: number;
                    };
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: text
                         * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        actor: string;
                        /** @description `open` while no API token exists (every request is allowed), `token` after */
                        mode: "open" | "token";
                        /** @description the token's role; null in open mode */
                        role: ("viewer" | "contributor" | "maintainer" | "admin") | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                status?: "todo" | "in_progress" | "blocked" | "done" | "cancelled";
                priority?: "low" | "medium" | "high" | "critical";
                /** @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate */
                assignee?: string;
                /** @description Full-text query: words (all must match, with English stemming) and "quoted phrases"; other characters separate words. Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate */
                q?: string;
                limit?: number;
                /** @description Opaque; from nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUIDv7 generated by the server
                             */
                            id: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            title: string;
                            /** @enum {string} */
                            status: "todo" | "in_progress" | "blocked" | "done" | "cancelled";
                            /** @enum {string} */
                            priority: "low" | "medium" | "high" | "critical";
                            assignees: string[];
                            rationaleLog: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                                 */
                                at: string;
                                /**
                                 * Format: text
                                 * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                                 */
                                actor: string;
                                /**
                                 * Format: text
                                 * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                                 */
                                text: string;
                            }[];
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            updatedAt: string;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    title: string;
                    /** @enum {string} */
                    status?: "todo" | "in_progress" | "blocked" | "done" | "cancelled";
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high" | "critical";
                    assignees?: string[];
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    rationale?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /** @enum {string} */
                        status: "todo" | "in_progress" | "blocked" | "done" | "cancelled";
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "critical";
                        assignees: string[];
                        rationaleLog: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            at: string;
                            /**
                             * Format: text
                             * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            actor: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            text: string;
                        }[];
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: {
                /** @description The entity as it was at this instant (404 if it did not exist then) */
                asOf?: string;
            };
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /** @enum {string} */
                        status: "todo" | "in_progress" | "blocked" | "done" | "cancelled";
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "critical";
                        assignees: string[];
                        rationaleLog: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            at: string;
                            /**
                             * Format: text
                             * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            actor: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            text: string;
                        }[];
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The history or resume point this needs was removed by audit retention (HISTORY_PRUNED) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTask: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version, already superseded, or an undelete of a live entity (VERSION_MISMATCH, ALREADY_SUPERSEDED, NOT_DELETED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a stale version (VERSION_MISMATCH) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither If-Match nor a version was sent (PRECONDITION_REQUIRED) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    title?: string;
                    /** @enum {string} */
                    status?: "todo" | "in_progress" | "blocked" | "done" | "cancelled";
                    /** @enum {string} */
                    priority?: "low" | "medium" | "high" | "critical";
                    assignees?: string[];
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    rationale?: string;
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /** @enum {string} */
                        status: "todo" | "in_progress" | "blocked" | "done" | "cancelled";
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "critical";
                        assignees: string[];
                        rationaleLog: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            at: string;
                            /**
                             * Format: text
                             * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            actor: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            text: string;
                        }[];
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version, already superseded, or an undelete of a live entity (VERSION_MISMATCH, ALREADY_SUPERSEDED, NOT_DELETED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a stale version (VERSION_MISMATCH) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither If-Match nor a version was sent (PRECONDITION_REQUIRED) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTaskVersions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque; from nextCursor */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The version the write made (for a delete: deleted) */
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            at: string;
                            actor: string;
                            /** @enum {string} */
                            action: "create" | "update" | "delete" | "restore";
                            /** @description The audit diff, { field: [before, after] }, without version and updatedAt */
                            changes: {
                                [key: string]: unknown[];
                            };
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The history or resume point this needs was removed by audit retention (HISTORY_PRUNED) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTaskVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /** @enum {string} */
                        status: "todo" | "in_progress" | "blocked" | "done" | "cancelled";
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "critical";
                        assignees: string[];
                        rationaleLog: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            at: string;
                            /**
                             * Format: text
                             * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            actor: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            text: string;
                        }[];
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The history or resume point this needs was removed by audit retention (HISTORY_PRUNED) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restoreTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version whose fields to bring back */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /** @enum {string} */
                        status: "todo" | "in_progress" | "blocked" | "done" | "cancelled";
                        /** @enum {string} */
                        priority: "low" | "medium" | "high" | "critical";
                        assignees: string[];
                        rationaleLog: {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            at: string;
                            /**
                             * Format: text
                             * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            actor: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            text: string;
                        }[];
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version, already superseded, or an undelete of a live entity (VERSION_MISMATCH, ALREADY_SUPERSEDED, NOT_DELETED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The history or resume point this needs was removed by audit retention (HISTORY_PRUNED) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a stale version (VERSION_MISMATCH) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A referenced resource (or restored version) does not exist (REFERENCE_NOT_FOUND), or a webhook URL is refused (URL_NOT_ALLOWED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBugs: {
        parameters: {
            query?: {
                severity?: "low" | "medium" | "high" | "critical";
                status?: "open" | "in_progress" | "resolved" | "closed";
                /** @description A UUIDv7 generated by the server */
                taskId?: string;
                /** @description Full-text query: words (all must match, with English stemming) and "quoted phrases"; other characters separate words. Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate */
                q?: string;
                limit?: number;
                /** @description Opaque; from nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUIDv7 generated by the server
                             */
                            id: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            title: string;
                            /** @enum {string} */
                            severity: "low" | "medium" | "high" | "critical";
                            /** @enum {string} */
                            status: "open" | "in_progress" | "resolved" | "closed";
                            taskId: string | null;
                            reproSteps: string[];
                            proposedFix: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            updatedAt: string;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createBug: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    title: string;
                    /** @enum {string} */
                    severity: "low" | "medium" | "high" | "critical";
                    /** @enum {string} */
                    status?: "open" | "in_progress" | "resolved" | "closed";
                    taskId?: string | null;
                    reproSteps?: string[];
                    proposedFix?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /** @enum {string} */
                        severity: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        status: "open" | "in_progress" | "resolved" | "closed";
                        taskId: string | null;
                        reproSteps: string[];
                        proposedFix: string | null;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A referenced resource (or restored version) does not exist (REFERENCE_NOT_FOUND), or a webhook URL is refused (URL_NOT_ALLOWED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBug: {
        parameters: {
            query?: {
                /** @description The entity as it was at this instant (404 if it did not exist then) */
                asOf?: string;
            };
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /** @enum {string} */
                        severity: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        status: "open" | "in_progress" | "resolved" | "closed";
                        taskId: string | null;
                        reproSteps: string[];
                        proposedFix: string | null;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The history or resume point this needs was removed by audit retention (HISTORY_PRUNED) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteBug: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version, already superseded, or an undelete of a live entity (VERSION_MISMATCH, ALREADY_SUPERSEDED, NOT_DELETED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a stale version (VERSION_MISMATCH) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither If-Match nor a version was sent (PRECONDITION_REQUIRED) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateBug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    title?: string;
                    /** @enum {string} */
                    severity?: "low" | "medium" | "high" | "critical";
                    /** @enum {string} */
                    status?: "open" | "in_progress" | "resolved" | "closed";
                    taskId?: string | null;
                    reproSteps?: string[];
                    proposedFix?: string | null;
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /** @enum {string} */
                        severity: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        status: "open" | "in_progress" | "resolved" | "closed";
                        taskId: string | null;
                        reproSteps: string[];
                        proposedFix: string | null;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version, already superseded, or an undelete of a live entity (VERSION_MISMATCH, ALREADY_SUPERSEDED, NOT_DELETED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a stale version (VERSION_MISMATCH) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A referenced resource (or restored version) does not exist (REFERENCE_NOT_FOUND), or a webhook URL is refused (URL_NOT_ALLOWED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither If-Match nor a version was sent (PRECONDITION_REQUIRED) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBugVersions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque; from nextCursor */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description The version the write made (for a delete: deleted) */
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            at: string;
                            actor: string;
                            /** @enum {string} */
                            action: "create" | "update" | "delete" | "restore";
                            /** @description The audit diff, { field: [before, after] }, without version and updatedAt */
                            changes: {
                                [key: string]: unknown[];
                            };
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The history or resume point this needs was removed by audit retention (HISTORY_PRUNED) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBugVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /** @enum {string} */
                        severity: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        status: "open" | "in_progress" | "resolved" | "closed";
                        taskId: string | null;
                        reproSteps: string[];
                        proposedFix: string | null;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The history or resume point this needs was removed by audit retention (HISTORY_PRUNED) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restoreBug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version whose fields to bring back */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /** @enum {string} */
                        severity: "low" | "medium" | "high" | "critical";
                        /** @enum {string} */
                        status: "open" | "in_progress" | "resolved" | "closed";
                        taskId: string | null;
                        reproSteps: string[];
                        proposedFix: string | null;
                        version: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version, already superseded, or an undelete of a live entity (VERSION_MISMATCH, ALREADY_SUPERSEDED, NOT_DELETED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The history or resume point this needs was removed by audit retention (HISTORY_PRUNED) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a stale version (VERSION_MISMATCH) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A referenced resource (or restored version) does not exist (REFERENCE_NOT_FOUND), or a webhook URL is refused (URL_NOT_ALLOWED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStatusUpdates: {
        parameters: {
            query?: {
                /** @description A UUIDv7 generated by the server */
                taskId?: string;
                /** @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate */
                actor?: string;
                /** @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z */
                since?: string;
                /** @description Full-text query: words (all must match, with English stemming) and "quoted phrases"; other characters separate words. Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate */
                q?: string;
                limit?: number;
                /** @description Opaque; from nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUIDv7 generated by the server
                             */
                            id: string;
                            /**
                             * Format: text
                             * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            actor: string;
                            taskId: string | null;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            message: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            createdAt: string;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createStatusUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    message: string;
                    taskId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        actor: string;
                        taskId: string | null;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        message: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A referenced resource (or restored version) does not exist (REFERENCE_NOT_FOUND), or a webhook URL is refused (URL_NOT_ALLOWED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStatusUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        actor: string;
                        taskId: string | null;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        message: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDesignNotes: {
        parameters: {
            query?: {
                state?: "active" | "superseded";
                status?: "proposed" | "accepted" | "rejected" | "deprecated" | "superseded";
                /** @description Full-text query: words (all must match, with English stemming) and "quoted phrases"; other characters separate words. Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate */
                q?: string;
                order?: "asc" | "desc";
                limit?: number;
                /** @description Opaque; from nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUIDv7 generated by the server
                             */
                            id: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            title: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            context: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            decision: string;
                            /**
                             * Format: text
                             * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            consequences: string;
                            /**
                             * Format: text
                             * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            actor: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            createdAt: string;
                            supersededBy: string | null;
                            /** @enum {string} */
                            status: "proposed" | "accepted" | "rejected" | "deprecated" | "superseded";
                            version: number;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDesignNote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    title: string;
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    context: string;
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    decision: string;
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    consequences: string;
                    /**
                     * Format: uuid
                     * @description A UUIDv7 generated by the server
                     */
                    supersedes?: string;
                    /**
                     * @default accepted
                     * @enum {string}
                     */
                    status?: "proposed" | "accepted";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        context: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        decision: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        consequences: string;
                        /**
                         * Format: text
                         * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        actor: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        supersededBy: string | null;
                        /** @enum {string} */
                        status: "proposed" | "accepted" | "rejected" | "deprecated" | "superseded";
                        version: number;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version, already superseded, or an undelete of a live entity (VERSION_MISMATCH, ALREADY_SUPERSEDED, NOT_DELETED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A referenced resource (or restored version) does not exist (REFERENCE_NOT_FOUND), or a webhook URL is refused (URL_NOT_ALLOWED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDesignNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        context: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        decision: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        consequences: string;
                        /**
                         * Format: text
                         * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        actor: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        supersededBy: string | null;
                        /** @enum {string} */
                        status: "proposed" | "accepted" | "rejected" | "deprecated" | "superseded";
                        version: number;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDesignNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "proposed" | "accepted" | "rejected" | "deprecated" | "superseded";
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        title: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        context: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        decision: string;
                        /**
                         * Format: text
                         * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        consequences: string;
                        /**
                         * Format: text
                         * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        actor: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        supersededBy: string | null;
                        /** @enum {string} */
                        status: "proposed" | "accepted" | "rejected" | "deprecated" | "superseded";
                        version: number;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Stale version, already superseded, or an undelete of a live entity (VERSION_MISMATCH, ALREADY_SUPERSEDED, NOT_DELETED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match names a stale version (VERSION_MISMATCH) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Neither If-Match nor a version was sent (PRECONDITION_REQUIRED) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                entity?: "task" | "bug" | "status_update" | "design_note" | "audit";
                /** @description A UUIDv7 generated by the server */
                entityId?: string;
                /** @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate */
                actor?: string;
                action?: "create" | "update" | "delete" | "supersede" | "restore" | "prune";
                /** @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z */
                since?: string;
                /** @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z */
                until?: string;
                limit?: number;
                /** @description Opaque; from nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUIDv7 generated by the server
                             */
                            id: string;
                            /** @description Gap-free, increasing in commit order */
                            seq: number;
                            /**
                             * Format: text
                             * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                             */
                            actor: string;
                            /** @enum {string} */
                            entity: "task" | "bug" | "status_update" | "design_note" | "audit";
                            /**
                             * Format: uuid
                             * @description A UUIDv7 generated by the server
                             */
                            entityId: string;
                            /** @enum {string} */
                            action: "create" | "update" | "delete" | "supersede" | "restore" | "prune";
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            at: string;
                            /** @description { field: [before, after] }; before is null on create, after is null on delete */
                            diff: {
                                [key: string]: unknown[];
                            };
                            /** @description The previous entry's hash; 64 zeros before the first entry ever written */
                            prevHash: string;
                            /** @description sha256(prevHash + RFC 8785 JSON of { seq, id, at, actor, entity, entityId, action, diff }) */
                            hash: string;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditHead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Gap-free, increasing in commit order */
                        seq: number;
                        /** @description sha256(prevHash + RFC 8785 JSON of { seq, id, at, actor, entity, entityId, action, diff }) */
                        hash: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        at: string;
                    };
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /** @description Gap-free, increasing in commit order */
                        seq: number;
                        /**
                         * Format: text
                         * @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                         */
                        actor: string;
                        /** @enum {string} */
                        entity: "task" | "bug" | "status_update" | "design_note" | "audit";
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        entityId: string;
                        /** @enum {string} */
                        action: "create" | "update" | "delete" | "supersede" | "restore" | "prune";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        at: string;
                        /** @description { field: [before, after] }; before is null on create, after is null on delete */
                        diff: {
                            [key: string]: unknown[];
                        };
                        /** @description The previous entry's hash; 64 zeros before the first entry ever written */
                        prevHash: string;
                        /** @description sha256(prevHash + RFC 8785 JSON of { seq, id, at, actor, entity, entityId, action, diff }) */
                        hash: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUIDv7 generated by the server
                             */
                            id: string;
                            /** @description An http(s) URL whose host resolves to a public address (loopback, private, link-local and multicast addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true) */
                            url: string;
                            events: string[];
                            description: string | null;
                            /** @description false once deactivated (410, retries exhausted, or PATCH) */
                            active: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An http(s) URL whose host resolves to a public address (loopback, private, link-local and multicast addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true) */
                    url: string;
                    events?: string[];
                    /**
                     * Format: text
                     * @description Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate
                     */
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /** @description An http(s) URL whose host resolves to a public address (loopback, private, link-local and multicast addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true) */
                        url: string;
                        events: string[];
                        description: string | null;
                        /** @description false once deactivated (410, retries exhausted, or PATCH) */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /** @description whsec_ and the base64 of 32 random bytes; shown only when created or rotated */
                        secret: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A referenced resource (or restored version) does not exist (REFERENCE_NOT_FOUND), or a webhook URL is refused (URL_NOT_ALLOWED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /** @description An http(s) URL whose host resolves to a public address (loopback, private, link-local and multicast addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true) */
                        url: string;
                        events: string[];
                        description: string | null;
                        /** @description false once deactivated (410, retries exhausted, or PATCH) */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An http(s) URL whose host resolves to a public address (loopback, private, link-local and multicast addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true) */
                    url?: string;
                    events?: string[];
                    active?: boolean;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /** @description An http(s) URL whose host resolves to a public address (loopback, private, link-local and multicast addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true) */
                        url: string;
                        events: string[];
                        description: string | null;
                        /** @description false once deactivated (410, retries exhausted, or PATCH) */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 1 MiB (PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json (UNSUPPORTED_MEDIA_TYPE) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A referenced resource (or restored version) does not exist (REFERENCE_NOT_FOUND), or a webhook URL is refused (URL_NOT_ALLOWED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /** @description An http(s) URL whose host resolves to a public address (loopback, private, link-local and multicast addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true) */
                        url: string;
                        events: string[];
                        description: string | null;
                        /** @description false once deactivated (410, retries exhausted, or PATCH) */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        createdAt: string;
                        /** @description whsec_ and the base64 of 32 random bytes; shown only when created or rotated */
                        secret: string;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque; from nextCursor */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: uuid
                             * @description A UUIDv7 generated by the server
                             */
                            id: string;
                            /** @description The seq of the audit entry sent */
                            eventSeq: number;
                            /** @description 1 for the first try of this event, then 2, 3, … */
                            attempt: number;
                            /** @enum {string} */
                            status: "succeeded" | "failed";
                            /** @description The receiver's HTTP status; null when no answer came */
                            responseStatus: number | null;
                            /** @description Why the attempt failed; null on success */
                            error: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            at: string;
                            /** @description When this event is tried again; null when it is not (success, redelivery, deactivation) */
                            nextAttemptAt: string | null;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUIDv7 generated by the server */
                id: string;
                /** @description A UUIDv7 generated by the server */
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        id: string;
                        /** @description The seq of the audit entry sent */
                        eventSeq: number;
                        /** @description 1 for the first try of this event, then 2, 3, … */
                        attempt: number;
                        /** @enum {string} */
                        status: "succeeded" | "failed";
                        /** @description The receiver's HTTP status; null when no answer came */
                        responseStatus: number | null;
                        /** @description Why the attempt failed; null on success */
                        error: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        at: string;
                        /** @description When this event is tried again; null when it is not (success, redelivery, deactivation) */
                        nextAttemptAt: string | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSearchHits: {
        parameters: {
            query: {
                /** @description Full-text query: words (all must match, with English stemming) and "quoted phrases"; other characters separate words. Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate */
                q: string;
                /** @description Comma-separated entity types to search (default all): task, bug, status_update, design_note */
                types?: string;
                limit?: number;
                /** @description Opaque; from nextCursor */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            type: "task" | "bug" | "status_update" | "design_note";
                            /**
                             * Format: uuid
                             * @description A UUIDv7 generated by the server
                             */
                            id: string;
                            /** @description The entity's title; a status update's message, shortened */
                            title: string;
                            /** @description Plain text around the first match in the body (no markup) */
                            snippet: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            createdAt: string;
                        }[];
                        /** @description null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description Send the entries after this seq; Last-Event-ID, when sent, wins */
                after?: number;
                /** @description Only these entities (repeat or separate with commas) */
                entity?: string[];
                /** @description Only these entity ids (repeat or separate with commas) */
                entityId?: string[];
                /** @description Only these actions (repeat or separate with commas) */
                action?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Invalid request (VALIDATION_FAILED) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token's role may not do this (FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The history or resume point this needs was removed by audit retention (HISTORY_PRUNED) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After (RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (INTERNAL) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database cannot take the request now; see Retry-After (SERVICE_UNAVAILABLE) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
