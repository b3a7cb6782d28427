import { PgError } from '../db';

/** An answer in PostgREST's error shape `{code, message, details, hint}`. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly body: Record<string, unknown>,
		readonly headers: Record<string, string> = {},
	) {
		super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
		this.name = 'ApiError';
	}
}

export function pgrstError(
	status: number,
	code: string,
	message: string,
	details: string | null = null,
	hint: string | null = null,
	headers: Record<string, string> = {},
): ApiError {
	return new ApiError(status, { code, details, hint, message }, headers);
}

/** PostgREST's HTTP status for a Postgres SQLSTATE (docs: "Errors" / "HTTP status codes"). */
export function statusForSqlState(code: string, authenticated: boolean): number {
	if (code === '42501') return authenticated ? 403 : 401;
	const exact: Record<string, number> = {
		'23503': 409,
		'23505': 409,
		'25006': 405,
		'42883': 404,
		'42P01': 404,
		'42P17': 500,
		P0001: 400,
	};
	if (exact[code]) return exact[code];
	const byClass: Record<string, number> = {
		'08': 503,
		'09': 500,
		'0L': 403,
		'0P': 403,
		'25': 500,
		'28': 403,
		'2D': 500,
		'38': 500,
		'39': 500,
		'3B': 500,
		'40': 500,
		'53': 503,
		'54': 500,
		'55': 500,
		'57': 500,
		'58': 500,
		F0: 500,
		HV: 500,
		P0: 500,
		XX: 500,
	};
	return byClass[code.slice(0, 2)] ?? 400;
}

export function fromPgError(error: PgError, authenticated: boolean): ApiError {
	return new ApiError(statusForSqlState(error.code, authenticated), {
		code: error.code,
		details: error.detail,
		hint: error.hint,
		message: error.message,
	});
}

export const errors = {
	tableNotFound(table: string, known: string[]): ApiError {
		const near = closest(table, known);
		return pgrstError(
			404,
			'PGRST205',
			`Could not find the table 'public.${table}' in the schema cache`,
			null,
			near ? `Perhaps you meant the table 'public.${near}'` : null,
		);
	},
	columnNotFound(table: string, column: string): ApiError {
		return pgrstError(400, '42703', `column ${table}.${column} does not exist`);
	},
	payloadColumnNotFound(table: string, column: string): ApiError {
		return pgrstError(400, 'PGRST204', `Could not find the '${column}' column of '${table}' in the schema cache`);
	},
	singleObject(rows: number): ApiError {
		return pgrstError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows} rows`);
	},
	invalidBody(message = 'Empty or invalid json'): ApiError {
		return pgrstError(400, 'PGRST102', message);
	},
	rangeNotSatisfiable(details: string, contentRange: string): ApiError {
		return pgrstError(416, 'PGRST103', 'Requested range not satisfiable', details, null, { 'content-range': contentRange });
	},
	jwtExpired(): ApiError {
		return pgrstError(401, 'PGRST303', 'JWT expired', null, null, {
			'www-authenticate': 'Bearer error="invalid_token", error_description="JWT expired"',
		});
	},
	jwtInvalid(message: string): ApiError {
		return pgrstError(401, 'PGRST301', message, null, null, {
			'www-authenticate': `Bearer error="invalid_token", error_description="${message.replace(/"/g, "'")}"`,
		});
	},
	noRelationship(from: string, to: string, known: string[]): ApiError {
		const near = closest(to, known);
		return pgrstError(
			400,
			'PGRST200',
			`Could not find a relationship between '${from}' and '${to}' in the schema cache`,
			`Searched for a foreign key relationship between '${from}' and '${to}' in the schema 'public', but no matches were found.`,
			near ? `Perhaps you meant '${near}' instead of '${to}'.` : null,
		);
	},
	ambiguousRelationship(from: string, to: string, names: string[]): ApiError {
		return pgrstError(
			300,
			'PGRST201',
			`Could not embed because more than one relationship was found for '${from}' and '${to}'`,
			names.join(', '),
			`Try changing '${to}' to one of the following: ${names.map((n) => `'${to}!${n}'`).join(', ')}. Find the desired relationship in the 'details' key.`,
		);
	},
	aggregatesDisabled(): ApiError {
		return pgrstError(400, 'PGRST123', 'Use of aggregate functions is not allowed');
	},
	notAcceptable(accept: string): ApiError {
		return pgrstError(406, 'PGRST107', `None of these media types are available: ${accept}`);
	},
	badRequest(message: string, details: string | null = null): ApiError {
		return pgrstError(400, 'PGRST100', message, details);
	},
};

function closest(name: string, candidates: string[]): string | undefined {
	let best: string | undefined;
	let bestScore = Infinity;
	for (const c of candidates) {
		const d = levenshtein(name.toLowerCase(), c.toLowerCase());
		if (d < bestScore) {
			bestScore = d;
			best = c;
		}
	}
	return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = tmp;
		}
	}
	return row[b.length];
}
