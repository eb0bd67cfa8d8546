<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI (as edition emits it, see docs/encoding.md) to XHTML body content.

  One stylesheet for every output, so the EPUB and the print HTML read the
  TEI the same way; an editor can adapt the rendering here without Python.

  Parameters:
    target  "epub" (default), "print" or "volume" (a collection's print
            volume: headings one level deeper); epub adds epub:type semantics.
    unit    the xml:id of one body div: only that unit is rendered (EPUB:
            one document per unit); empty renders every unit in order.
    reading "regularized" (default): each choice read as the edition's reading;
            "diplomatic": as the source's (orig, sic, abbr), with the source's
            line breaks (lb as br) and a separator's own characters.
    apparatus  "full": every orig/reg choice is a span.reg with the source's
            reading (data-orig) and the rule (data-rule), for the apparatus;
            "none" (default): the regularized reading alone.

  The result is one XHTML element (a section per unit, or a div holding
  them all).  Every xml:id becomes an id, so a TEI reference resolves in
  the output.  Each choice is read as its regularized reading.  An element
  this stylesheet does not know is rendered as its text and reported with
  xsl:message ("unknown-element NAME"), never dropped.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="tei">

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>

  <xsl:param name="target" select="'epub'"/>
  <xsl:param name="unit" select="''"/>
  <xsl:param name="apparatus" select="'none'"/>
  <xsl:param name="reading" select="'regularized'"/>
  <!-- with an index, a mark names its register entry for the caller to number -->
  <xsl:param name="index" select="'no'"/>
  <xsl:variable name="diplomatic" select="$reading = 'diplomatic'"/>

  <xsl:variable name="epub" select="$target = 'epub'"/>
  <!-- An EPUB unit is a document of its own, so its title is h1; in the
       print book the book's title is the h1 and a unit's title an h2; in a
       collection's printed volume a text's title is the h2 and its units'
       titles h3. -->
  <xsl:variable name="title-tag">
    <xsl:choose>
      <xsl:when test="$epub">h1</xsl:when>
      <xsl:when test="$target = 'volume'">h3</xsl:when>
      <xsl:otherwise>h2</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="heading-tag">
    <xsl:choose>
      <xsl:when test="$epub">h2</xsl:when>
      <xsl:when test="$target = 'volume'">h4</xsl:when>
      <xsl:otherwise>h3</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$unit != ''">
        <xsl:apply-templates select="/tei:TEI/tei:text/tei:body/tei:div[@xml:id = $unit]"/>
      </xsl:when>
      <xsl:otherwise>
        <div class="edition">
          <xsl:apply-templates select="/tei:TEI/tei:text/tei:body/tei:div"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ids and languages carried over from the TEI -->
  <xsl:template name="attrs">
    <xsl:if test="@xml:id">
      <xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
      <xsl:attribute name="xml:lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- units -->
  <!-- A unit is a section; in the print book, where units share one
       document, a unit without a heading (a photo, an untitled letter) is a
       div, since an HTML section is expected to have one. -->
  <xsl:template match="tei:div">
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="$epub or tei:head">section</xsl:when>
        <xsl:otherwise>div</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class">unit <xsl:value-of select="@type"/></xsl:attribute>
      <xsl:call-template name="attrs"/>
      <xsl:if test="$epub and @type = 'text'">
        <xsl:attribute name="epub:type">chapter</xsl:attribute>
      </xsl:if>
      <xsl:if test="@type = 'text'">
        <xsl:attribute name="role">doc-chapter</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- headings: the unit's title is h1, a subheading h2; a heading above the
       title is its kicker, a line of the title block rather than a section -->
  <xsl:template match="tei:div/tei:head[not(@type = 'sub')]">
    <xsl:element name="{$title-tag}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class">title</xsl:attribute>
      <xsl:call-template name="attrs"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:div/tei:head[@type = 'sub'] | tei:ab[@type = 'heading']">
    <xsl:element name="{$heading-tag}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class">heading</xsl:attribute>
      <xsl:call-template name="attrs"/><xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:div/tei:head[@type = 'sub'][following-sibling::tei:head[not(@type = 'sub')]]"
                priority="2">
    <p class="kicker"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:p">
    <p><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:ab">
    <p class="{@type}"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- A section break drawn in the source as a row of marks: a rule in the
       book; the marks themselves stay in the TEI. -->
  <xsl:template match="tei:ab[@type = 'separator']">
    <xsl:choose>
      <xsl:when test="$diplomatic">
        <p class="separator"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
      </xsl:when>
      <xsl:otherwise><hr class="separator"><xsl:call-template name="attrs"/></hr></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ab[@type = 'dateline']">
    <p class="dateline"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer">
    <div class="{local-name()}"><xsl:call-template name="attrs"/><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:salute | tei:byline | tei:dateline">
    <p class="{local-name()}"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- lists -->
  <xsl:template match="tei:list[@type = 'signatories']">
    <div class="signatories">
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates select="tei:head"/>
      <ul class="signatories">
        <xsl:apply-templates select="tei:item"/>
      </ul>
    </div>
  </xsl:template>
  <xsl:template match="tei:list[@type = 'signatories']/tei:head" priority="2">
    <p class="signatories-head"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:list">
    <ul class="{@type}"><xsl:call-template name="attrs"/><xsl:apply-templates select="tei:item"/></ul>
  </xsl:template>
  <xsl:template match="tei:list/tei:head">
    <li class="list-head"><xsl:call-template name="attrs"/><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="tei:item">
    <li><xsl:call-template name="attrs"/><xsl:apply-templates/></li>
  </xsl:template>

  <!-- figures -->
  <xsl:template match="tei:figure">
    <figure><xsl:call-template name="attrs"/>
      <xsl:if test="tei:p | tei:note[@type = 'credit'] | tei:head">
        <figcaption>
          <xsl:apply-templates select="tei:head | tei:p"/>
          <xsl:apply-templates select="tei:note[@type = 'credit']"/>
        </figcaption>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::tei:p or self::tei:head or self::tei:note[@type = 'credit'])]"/>
    </figure>
  </xsl:template>
  <xsl:template match="tei:figure/tei:head">
    <p class="figure-head"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'credit']">
    <p class="credit" role="doc-credit"><xsl:call-template name="attrs"/><small><xsl:apply-templates/></small></p>
  </xsl:template>

  <xsl:template match="tei:note">
    <p class="note"><xsl:call-template name="attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <!-- phrases -->
  <xsl:template match="tei:date[@when]">
    <time datetime="{@when}"><xsl:call-template name="attrs"/><xsl:apply-templates/></time>
  </xsl:template>
  <xsl:template match="tei:date">
    <span class="date"><xsl:call-template name="attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:placeName | tei:orgName | tei:persName | tei:name">
    <span class="{local-name()}"><xsl:call-template name="attrs"/>
      <xsl:if test="$index = 'yes' and starts-with(@ref, '#')">
        <xsl:attribute name="data-ref"><xsl:value-of select="substring-after(@ref, '#')"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:lb">
    <xsl:if test="$diplomatic"><br/></xsl:if>
  </xsl:template>

  <!-- A choice gives the reading asked for.  With the apparatus, an edition's
       change (orig and reg) is a span the apparatus can point at, carrying
       the source's reading and the rule for it to read (the caller numbers
       the spans and takes those attributes off). -->
  <xsl:template match="tei:choice">
    <xsl:choose>
      <xsl:when test="$diplomatic and (tei:orig | tei:sic | tei:abbr)">
        <xsl:apply-templates select="(tei:orig | tei:sic | tei:abbr)[1]/node()"/>
      </xsl:when>
      <xsl:when test="$apparatus = 'full' and tei:orig and tei:reg">
        <span class="reg" data-orig="{tei:orig}" data-rule="{tei:reg/@type}">
          <xsl:apply-templates select="tei:reg/node()"/>
        </span>
      </xsl:when>
      <xsl:when test="tei:reg | tei:corr | tei:expan">
        <xsl:apply-templates select="(tei:reg | tei:corr | tei:expan)[1]/node()"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*[1]/node()"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()"/>

  <!-- anything else: its text, and a message for the caller -->
  <xsl:template match="*">
    <xsl:message>unknown-element <xsl:value-of select="local-name()"/></xsl:message>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
