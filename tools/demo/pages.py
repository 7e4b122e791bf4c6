"""The demo's locales, pictures, home page, standard pages and footer, and their translations."""

from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from home.models import HomePage, HomePageFeaturedPage, StandardPage
from site_core.blocks import BodyBlock
from site_core.models import Footer
from tools.demo import content, images
from tools.demo.translations import translate, translate_into


def load_site_pages(progress, locales, demo_images):
    """The home page, its child pages and the footer in English, then their translations (the
    home page's and the footer's written in every language, Traditional Chinese included)."""
    home = create_home(progress, demo_images)
    children = {}
    for spec, _languages in content.CHILD_PAGES:
        children[str(spec["slug"])] = create_child(progress, home, spec, demo_images)
    set_featured(home, children)
    footer = create_footer(progress)

    for language in content.HOME_LANGUAGES:
        translate(progress, home, locales[language])
    for spec, languages in content.CHILD_PAGES:
        translate_into(progress, children[str(spec["slug"])], locales, languages)
    for language in content.HOME_LANGUAGES:
        translate(progress, footer, locales[language])
    for spec, language in content.DRAFT_TRANSLATIONS:
        translate(progress, children[str(spec["slug"])], locales[language], draft=True)
    return home


# --- locales, images --------------------------------------------------------------------


def create_locales(progress):
    """A locale for every configured language, by language code."""
    locales = {}
    for code, _name in settings.LANGUAGES:
        locales[code], _created = Locale.objects.get_or_create(language_code=code)
    progress(f"Locales: {', '.join(locales)}")
    return locales


def get_image(progress, spec):
    """The demo picture titled ``spec["title"]``, drawn (images.render) if it is missing."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=spec["title"]).first()
    if image is None:
        data = images.render(spec["style"], spec["size"])

        image = image_model(title=spec["title"], description=spec["description"])
        image.file = ImageFile(BytesIO(data), name=f"{slugify(spec['title'])}.jpg")
        image.save()
        progress(f"Image drawn: {spec['title']}")
    else:
        progress(f"Image kept: {spec['title']}")
    return image


# --- English pages --------------------------------------------------------------------


def build_body(body_spec, demo_images):
    """StreamField content for a spec's ``(block type, value)`` list."""
    body = []
    for block_type, value in body_spec:
        if block_type == "paragraph":
            body.append((block_type, RichText("".join(f"<p>{p}</p>" for p in value))))
        elif block_type == "call_to_action":
            value = {k: str(v) for k, v in value.items() if k != "page"}
            body.append((block_type, {**value, "url": ""}))
        elif block_type == "image":
            image = {
                "image": demo_images[value["image"]],
                "alt_text": str(value["alt_text"]),
                "caption": str(value["caption"]),
            }
            body.append((block_type, image))
        else:
            body.append((block_type, {k: str(v) for k, v in value.items()}))
    return [(block_type, with_defaults(block_type, value)) for block_type, value in body]


def with_defaults(block_type, value):
    """Fill the fields a spec leaves out, as the editor would (empty, never None)."""
    block = BodyBlock().child_blocks[block_type]
    if not hasattr(block, "child_blocks"):
        return value
    defaults = {name: child.get_default() for name, child in block.child_blocks.items()}
    for name, child in block.child_blocks.items():
        if defaults[name] is None and not isinstance(child, blocks.ChooserBlock):
            defaults[name] = ""
    return {**defaults, **value}


def create_home(progress, demo_images):
    """The English home page, made the default site's root."""
    english = Locale.get_default()
    spec = content.HOME
    home = HomePage.objects.filter(locale=english, depth=2).first()
    if home is not None:
        progress("Home page kept")
        return home
    root = Page.get_first_root_node()
    remove_welcome_page(root)
    home = HomePage(
        title=str(spec["title"]),
        slug=str(spec["slug"]),
        locale=english,
        search_description=str(spec["search_description"]),
        hero_heading=str(spec["hero_heading"]),
        hero_intro=str(spec["hero_intro"]),
        hero_image=demo_images["hero"],
        hero_image_alt=str(spec["hero_image_alt"]),
        body=build_body(spec["body"], demo_images),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    make_default_site(home)
    progress("Home page created")
    return home


def remove_welcome_page(root):
    """Wagtail's first migration leaves a plain "Welcome" page; the demo replaces it."""
    for page in root.get_children().filter(
        content_type__model="page", content_type__app_label="wagtailcore"
    ):
        if page.numchild == 0:
            page.delete()


def make_default_site(home):
    """The default site starts at ``home``, at the host and port of WAGTAILADMIN_BASE_URL."""
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.root_page = home
    site.site_name = "Falun Gong Awareness"
    site.hostname = base_url.hostname or "localhost"
    site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
    site.save()


def create_child(progress, home, spec, demo_images):
    """A standard page below the home page, in the menus."""
    slug = str(spec["slug"])
    page = StandardPage.objects.child_of(home).filter(slug=slug).first()
    if page is not None:
        progress(f"Page kept: {page.title}")
        return page
    page = StandardPage(
        title=str(spec["title"]),
        slug=slug,
        search_description=str(spec["search_description"]),
        intro=str(spec["intro"]),
        show_in_menus=True,
        body=build_body(spec["body"], demo_images),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    progress(f"Page created: {page.title}")
    return page


def set_featured(home, children):
    """Featured pages and the call to action point at the pages created after the home."""
    if home.featured_pages.exists():
        return
    for order, slug in enumerate(content.HOME["featured"]):  # the order editors would set
        home.featured_pages.add(HomePageFeaturedPage(page=children[slug], sort_order=order))
    for block in home.body:
        if block.block_type == "call_to_action" and not block.value["page"]:
            block.value["page"] = children["worldwide-activism"]
    home.save_revision().publish()


def create_footer(progress):
    """The English footer: contact text, address and social links."""
    english = Locale.get_default()
    footer = Footer.objects.filter(locale=english).first()
    if footer is not None:
        progress("Footer kept")
        return footer
    spec = content.FOOTER
    footer = Footer.objects.create(
        locale=english,
        contact_text="".join(f"<p>{p}</p>" for p in spec["contact_text"]),
        contact_email=spec["contact_email"],
        social_links=[
            ("link", {"label": str(label), "url": url}) for label, url in spec["social_links"]
        ],
    )
    footer.save_revision().publish()
    progress("Footer created")
    return footer
