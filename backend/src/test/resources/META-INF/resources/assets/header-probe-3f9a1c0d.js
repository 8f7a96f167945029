// A hashed asset name as Vite writes them; SecurityHeadersTest checks how assets are cached.
export const probe = 1
