/**
 * Dynamic blocks: WordPress renders them from the database when the page is shown (the latest
 * posts, an archive list, a search form, the post's own title or date in a template), not from
 * the post text, which holds only their settings. They leave nothing in the body, and one `info`
 * per block name and document says so. What a reader sees of the post inside one (a paragraph an
 * author put in a comments or query block, which WordPress shows with it) is still converted.
 */
import type {BlockHandler} from '../types.js'

/** Core's dynamic blocks, by name without `core/`. */
export const dynamicBlockNames = [
  'archives', 'avatar', 'calendar', 'categories', 'latest-comments', 'latest-posts', 'loginout', 'page-list',
  'page-list-item', 'read-more', 'rss', 'search', 'tag-cloud', 'term-description', 'home-link', 'pattern',
  'template-part', 'legacy-widget', 'widget-group', 'query', 'query-title', 'query-pagination', 'query-no-results',
  'query-pagination-previous', 'query-pagination-numbers', 'query-pagination-next', 'query-total',
  'navigation', 'navigation-link', 'navigation-submenu', 'comments', 'comments-title', 'comment-template',
  'comments-pagination', 'comments-pagination-previous', 'comments-pagination-numbers', 'comments-pagination-next',
  'comment-author-name', 'comment-author-avatar', 'comment-content', 'comment-date', 'comment-edit-link', 'comment-reply-link',
  'post-comments', 'post-comments-count', 'post-comments-link', 'post-time-to-read', 'social-link',
  'post-comments-form', 'post-title', 'post-date', 'post-excerpt', 'post-terms', 'post-author', 'post-author-name',
  'post-author-biography', 'post-featured-image', 'post-navigation-link', 'post-template', 'post-content',
  'site-logo', 'site-title', 'site-tagline'
]

export const dynamic: BlockHandler = (context) => {
  context.reportOnce(
    'block-dynamic',
    'info',
    `\`${context.name}\` is drawn by WordPress from the site's database, not from the post text; it is left out`
  )
  return context.innerBlocks()
}
