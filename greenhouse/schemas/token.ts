import { z } from 'zod';

/**
 * Greenhouse documents `expires_at` (ISO); its legacy migration endpoint says `expires`; RFC 6749
 * servers say `expires_in`. Any one of them is enough to schedule the refresh.
 */
export const tokenResponseSchema = z
  .looseObject({
    token_type: z.string(),
    access_token: z.string().min(1),
    expires_at: z.string().optional(),
    expires: z.string().optional(),
    expires_in: z.number().optional(),
  })
  .refine((token) => token.expires_at ?? token.expires ?? token.expires_in, {
    message: 'the token response names no expiry (expires_at)',
    path: ['expires_at'],
  });
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
