// Element Plus styles and Chinese locale for the Element-based pages (login, governance and base
// terminals). Components are imported by name where used, so the youth terminal does not pay for them.
import 'element-plus/dist/index.css'
import zhCn from 'element-plus/es/locale/lang/zh-cn'

export const elementLocale = zhCn
