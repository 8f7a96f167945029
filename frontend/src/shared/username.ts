/** The one username rule of the platform (the server's AccountService): 4–64 letters, digits or _ . @ - */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{4,64}$/
export const USERNAME_RULE = '用户名为 4–64 位字母、数字或 _ . @ -'
