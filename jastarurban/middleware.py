class KazakhFirstMiddleware:
    """Makes Kazakh the first language for every visitor, whatever the browser says.

    Village phones are often set to Russian or English; the portal still opens
    in Kazakh and a visitor switches language explicitly (remembered in a
    cookie). Django's LocaleMiddleware, which runs next, would otherwise follow
    the browser's Accept-Language header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
