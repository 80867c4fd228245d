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
         * Get a task
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
         * Get a bug
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
        patch?: never;
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
            /** @description Stale version or already superseded (VERSION_MISMATCH, ALREADY_SUPERSEDED) */
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
            /** @description Stale version or already superseded (VERSION_MISMATCH, ALREADY_SUPERSEDED) */
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
    listBugs: {
        parameters: {
            query?: {
                severity?: "low" | "medium" | "high" | "critical";
                status?: "open" | "in_progress" | "resolved" | "closed";
                /** @description A UUIDv7 generated by the server */
                taskId?: string;
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
            /** @description A referenced resource does not exist (REFERENCE_NOT_FOUND) */
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
            /** @description Stale version or already superseded (VERSION_MISMATCH, ALREADY_SUPERSEDED) */
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
            /** @description Stale version or already superseded (VERSION_MISMATCH, ALREADY_SUPERSEDED) */
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
            /** @description A referenced resource does not exist (REFERENCE_NOT_FOUND) */
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
    listStatusUpdates: {
        parameters: {
            query?: {
                /** @description A UUIDv7 generated by the server */
                taskId?: string;
                /** @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate */
                actor?: string;
                /** @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z */
                since?: string;
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
            /** @description A referenced resource does not exist (REFERENCE_NOT_FOUND) */
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
            /** @description Stale version or already superseded (VERSION_MISMATCH, ALREADY_SUPERSEDED) */
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
            /** @description A referenced resource does not exist (REFERENCE_NOT_FOUND) */
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
    listAuditEntries: {
        parameters: {
            query?: {
                entity?: "task" | "bug" | "status_update" | "design_note";
                /** @description A UUIDv7 generated by the server */
                entityId?: string;
                /** @description Who made the change (from X-Actor until API tokens arrive). Not blank (not only white space, invisible characters, combining marks or controls), no NUL, no lone surrogate */
                actor?: string;
                action?: "create" | "update" | "delete" | "supersede";
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
                            entity: "task" | "bug" | "status_update" | "design_note";
                            /**
                             * Format: uuid
                             * @description A UUIDv7 generated by the server
                             */
                            entityId: string;
                            /** @enum {string} */
                            action: "create" | "update" | "delete" | "supersede";
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                             */
                            at: string;
                            /** @description { field: [before, after] }; before is null on create, after is null on delete */
                            diff: {
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
                        entity: "task" | "bug" | "status_update" | "design_note";
                        /**
                         * Format: uuid
                         * @description A UUIDv7 generated by the server
                         */
                        entityId: string;
                        /** @enum {string} */
                        action: "create" | "update" | "delete" | "supersede";
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC with milliseconds, e.g. 2026-11-26T10:54:48.123Z
                         */
                        at: string;
                        /** @description { field: [before, after] }; before is null on create, after is null on delete */
                        diff: {
                            [key: string]: unknown[];
                        };
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
}
